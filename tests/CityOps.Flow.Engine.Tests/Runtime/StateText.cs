using System.Text;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

/// <summary>A canonical text of an instance's state, so two states compare by content.</summary>
internal static class StateText
{
    public static string Describe(ProcessInstanceState s)
    {
        var text = new StringBuilder();
        text.AppendLine($"{s.InstanceId} {s.ProcessId} v{s.ProcessVersion} {s.Status} seq={s.LastSequence} next={s.NextTokenId} parent={s.ParentInstanceId}/{s.ParentTokenId} key={s.BusinessKey}");
        foreach (var t in s.Tokens.Values.OrderBy(t => t.Id))
        {
            text.AppendLine($"token {t.Id} <{t.ParentId} {t.ElementId} {t.Phase} via={t.ArrivedVia} called={t.CalledInstanceId} items={Value(t.LoopItems)}");
        }

        foreach (var (scope, variables) in s.Variables.OrderBy(v => v.Key))
        {
            foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal)) text.AppendLine($"var {scope}.{name}={Value(value)}");
        }

        foreach (var t in s.OpenTasks.Values.OrderBy(t => t.Id))
        {
            text.AppendLine($"task {t.Id} {t.ElementId} token={t.TokenId} assignee={t.Assignee} groups={string.Join(',', t.CandidateGroups)} users={string.Join(',', t.CandidateUsers)} due={t.DueDate:O} follow={t.FollowUpDate:O} prio={t.Priority} form={t.FormKey}");
        }

        foreach (var j in s.Jobs.Values.OrderBy(j => j.Id)) text.AppendLine($"job {j.Id} {j.ElementId} token={j.TokenId} due={j.DueAt:O} {j.TimerText} left={j.RemainingRepetitions}");
        foreach (var m in s.MessageSubscriptions.Values.OrderBy(m => m.Id)) text.AppendLine($"msg {m.Id} {m.ElementId} token={m.TokenId} {m.MessageName}/{m.CorrelationKey}");
        foreach (var g in s.SignalSubscriptions.Values.OrderBy(m => m.Id)) text.AppendLine($"sig {g.Id} {g.ElementId} token={g.TokenId} {g.SignalName}");
        foreach (var i in s.Incidents.Values.OrderBy(i => i.Id)) text.AppendLine($"incident {i.Id} {i.ElementId} token={i.TokenId} {i.Kind} {i.Message}");
        return text.ToString();
    }

    private static string Value(object? value) => value is null ? "null" : FeelJson.ToJson(value)?.ToJsonString() ?? "null";
}
