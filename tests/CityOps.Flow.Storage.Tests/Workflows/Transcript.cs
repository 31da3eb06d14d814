using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>
/// A canonical text of an instance (state and history) with every value's FEEL type, ordered without relying on
/// generated ids, so runs of the same scenario on different stores compare line by line.
/// </summary>
internal static partial class Transcript
{
    public static string OfState(ProcessInstanceState s)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{s.InstanceId} {s.ProcessId} v{s.ProcessVersion} {s.Status} seq={s.LastSequence} next={s.NextTokenId} parent={s.ParentInstanceId}/{s.ParentTokenId} key={s.BusinessKey} started={s.StartedAt:O} ended={s.EndedAt:O}"));
        foreach (var t in s.Tokens.Values.OrderBy(t => t.Id))
        {
            text.AppendLine(Invariant($"token {t.Id} <{t.ParentId} {t.ElementId} {t.Phase} via={t.ArrivedVia} called={t.CalledInstanceId} items={Value(t.LoopItems)}"));
        }

        foreach (var (scope, variables) in s.Variables.OrderBy(v => v.Key))
        {
            foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                text.AppendLine(Invariant($"var {scope}.{name} = {Value(value)}"));
            }
        }

        foreach (var t in s.OpenTasks.Values.OrderBy(t => t.TokenId).ThenBy(t => t.ElementId))
        {
            text.AppendLine(Invariant($"task {t.Id} {t.ElementId} token={t.TokenId} assignee={t.Assignee} groups={string.Join(',', t.CandidateGroups)} users={string.Join(',', t.CandidateUsers)} due={t.DueDate?.UtcDateTime:O} prio={t.Priority} form={t.FormKey}"));
        }

        foreach (var j in s.Jobs.Values.OrderBy(j => j.TokenId).ThenBy(j => j.ElementId).ThenBy(j => j.DueAt))
        {
            text.AppendLine(Invariant($"job {j.Id} {j.ElementId} token={j.TokenId} due={j.DueAt.UtcDateTime:O} {j.TimerText} left={j.RemainingRepetitions}"));
        }

        foreach (var m in s.MessageSubscriptions.Values.OrderBy(m => m.TokenId).ThenBy(m => m.ElementId))
        {
            text.AppendLine(Invariant($"message {m.Id} {m.ElementId} token={m.TokenId} {m.MessageName}/{m.CorrelationKey}"));
        }

        foreach (var g in s.SignalSubscriptions.Values.OrderBy(m => m.TokenId).ThenBy(m => m.ElementId))
        {
            text.AppendLine(Invariant($"signal {g.Id} {g.ElementId} token={g.TokenId} {g.SignalName}"));
        }

        foreach (var i in s.Incidents.Values.OrderBy(i => i.TokenId).ThenBy(i => i.ElementId))
        {
            text.AppendLine(Invariant($"incident {i.Id} {i.ElementId} token={i.TokenId} {i.Kind} {i.Message}"));
        }

        return text.ToString();
    }

    public static string OfHistory(IEnumerable<HistoryEvent> history) =>
        string.Concat(history.Select(e => Invariant($"{e.Sequence} {e.Kind} at={e.Time.UtcDateTime:O} by={e.Actor} el={e.ElementId} {WorkflowJson.Serialize(e)}\n")));

    /// <summary>Replaces each GUID by its order of first appearance, so two runs with different random ids compare equal.</summary>
    public static string WithoutIds(string text)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return GuidPattern().Replace(text, m =>
        {
            if (!seen.TryGetValue(m.Value, out var n))
            {
                n = seen.Count + 1;
                seen[m.Value] = n;
            }

            return "#" + n.ToString(CultureInfo.InvariantCulture);
        });
    }

    /// <summary>A value with its FEEL type, so a date that came back as a string would show.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => "string:" + s,
        bool b => b ? "true" : "false",
        decimal d => "number:" + d.ToString(CultureInfo.InvariantCulture),
        FeelContext context => "{" + string.Join(", ", context.Select(e => e.Key + ": " + Value(e.Value))) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Value)) + "]",
        IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
