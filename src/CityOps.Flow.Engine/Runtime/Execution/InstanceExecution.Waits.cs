using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Runtime.Execution;

// Waiting: timers, message and signal subscriptions owned by tokens, and closing them again.
internal sealed partial class InstanceExecution
{
    private void OpenBoundaryEvents(Token activity)
    {
        foreach (var boundary in Process.BoundaryEventsOf(activity.ElementId))
        {
            if (boundary.Definition is TimerEventDefinition or MessageEventDefinition or SignalEventDefinition)
            {
                OpenWait(activity, activity, boundary.Definition, boundary.Id);
            }
        }
    }

    /// <summary>Event sub-processes listen while their enclosing scope is active.</summary>
    private void OpenEventSubProcesses(Token scope)
    {
        foreach (var eventSubProcess in Definition.EventSubProcessesOf(ScopeIdOf(scope)))
        {
            var start = Process.Node<StartEvent>(eventSubProcess.StartEventId);
            if (start.Definition is TimerEventDefinition or MessageEventDefinition or SignalEventDefinition)
            {
                OpenWait(scope, scope, start.Definition, start.Id);
            }
        }
    }

    /// <summary>
    /// Opens a timer, message or signal wait owned by <paramref name="owner"/> for the catching element
    /// <paramref name="catchId"/>; expressions are evaluated where <paramref name="context"/> stands.
    /// </summary>
    private void OpenWait(Token owner, Token context, EventDefinition definition, string catchId)
    {
        switch (definition)
        {
            case TimerEventDefinition timer:
                OpenTimer(owner, context, timer, catchId);
                break;
            case MessageEventDefinition { Message: { } message }:
                OpenMessageWait(owner, message, catchId, context);
                break;
            case SignalEventDefinition signal:
                var name = Expressions.Value(signal.Signal.Name ?? BpmnValue.FromLiteral(signal.Signal.Id), Visible(context.Id));
                if (name.Failed)
                {
                    RaiseIncident(context, IncidentKind.ExpressionFailed, $"Signal name of '{catchId}': {name.Error}");
                    return;
                }

                Emit(new SignalSubscriptionOpened(Header(catchId), new SignalSubscriptionRecord
                {
                    Id = Guid.NewGuid(),
                    InstanceId = State.InstanceId,
                    TokenId = owner.Id,
                    ElementId = catchId,
                    SignalName = ExpressionEvaluator.Text(name.Value) ?? "",
                }));
                break;
        }
    }

    private void OpenTimer(Token owner, Token context, TimerEventDefinition timer, string catchId)
    {
        var text = timer.Value.Text;
        var schedule = timer.Schedule;
        if (schedule is null)
        {
            var value = Expressions.Value(timer.Value, Visible(context.Id));
            var parsed = value.Failed ? null : TimerScheduleParser.Parse(timer.Kind, text = ExpressionEvaluator.TimerText(value.Value));
            if (parsed?.Schedule is null)
            {
                RaiseIncident(context, IncidentKind.ExpressionFailed, $"Timer of '{catchId}': {value.Error ?? parsed?.Error}");
                return;
            }

            schedule = parsed.Schedule;
        }

        if (schedule.FirstDue(Context.Now) is not { } due) return;
        Emit(new JobCreated(Header(catchId), new JobRecord
        {
            Id = Guid.NewGuid(),
            Kind = JobKind.Timer,
            DueAt = due.At,
            ElementId = catchId,
            InstanceId = State.InstanceId,
            TokenId = owner.Id,
            ProcessId = State.ProcessId,
            ProcessVersion = State.ProcessVersion,
            TimerKind = timer.Kind,
            TimerText = text,
            RemainingRepetitions = due.RemainingRepetitions,
        }));
    }

    private void OpenMessageWait(Token owner, MessageDeclaration message, string catchId, Token? context = null)
    {
        context ??= owner;
        var visible = Visible(context.Id);
        var name = Expressions.Value(message.Name ?? BpmnValue.FromLiteral(message.Id), visible);
        var key = message.CorrelationKey is { } keyExpression ? Expressions.Evaluate(keyExpression, visible) : EvaluatedValue.Of("");
        if (name.Failed || key.Failed)
        {
            RaiseIncident(context, IncidentKind.ExpressionFailed, $"Message subscription of '{catchId}': {name.Error ?? key.Error}");
            return;
        }

        var subscription = new MessageSubscriptionRecord
        {
            Id = Guid.NewGuid(),
            InstanceId = State.InstanceId,
            TokenId = owner.Id,
            ElementId = catchId,
            MessageName = ExpressionEvaluator.Text(name.Value) ?? "",
            CorrelationKey = ExpressionEvaluator.Text(key.Value) ?? "",
            OpenedAt = Context.Now,
        };
        Emit(new MessageSubscriptionOpened(Header(catchId), subscription));
        if (Context.TakeBufferedMessage(subscription.MessageName, subscription.CorrelationKey) is { } buffered)
        {
            Schedule(() => DeliverMessage(subscription.Id, buffered.Variables, buffered.PublishedAt));
        }
    }

    /// <summary>Closes every timer and subscription <paramref name="owner"/> holds (optionally only those matching).</summary>
    private void CloseWaits(Token owner, Func<string, bool>? onlyCatch = null)
    {
        List<Guid>? jobs = null;
        foreach (var job in State.Jobs.Values)
        {
            if (job.TokenId == owner.Id && (onlyCatch is null || onlyCatch(job.ElementId))) (jobs ??= []).Add(job.Id);
        }

        if (jobs is not null)
        {
            foreach (var id in jobs) Emit(new JobCancelled(Header(State.Jobs[id].ElementId), id));
        }

        List<MessageSubscriptionRecord>? messages = null;
        foreach (var s in State.MessageSubscriptions.Values)
        {
            if (s.TokenId == owner.Id && (onlyCatch is null || onlyCatch(s.ElementId))) (messages ??= []).Add(s);
        }

        if (messages is not null)
        {
            foreach (var s in messages) Emit(new MessageSubscriptionClosed(Header(s.ElementId), s.Id));
        }

        List<SignalSubscriptionRecord>? signals = null;
        foreach (var s in State.SignalSubscriptions.Values)
        {
            if (s.TokenId == owner.Id && (onlyCatch is null || onlyCatch(s.ElementId))) (signals ??= []).Add(s);
        }

        if (signals is not null)
        {
            foreach (var s in signals) Emit(new SignalSubscriptionClosed(Header(s.ElementId), s.Id));
        }
    }

    /// <summary>Cancels a token and everything under it: child tokens, tasks, waits, incidents, a called instance.</summary>
    private void Cancel(Token token)
    {
        if (!State.Tokens.ContainsKey(token.Id)) return;
        foreach (var child in Children(token.Id)) Cancel(child);
        foreach (var task in State.OpenTasks.Values.Where(t => t.TokenId == token.Id).ToList())
        {
            Emit(new TaskCancelled(Header(task.ElementId), task.Id));
        }

        CloseWaits(token);
        foreach (var incident in State.Incidents.Values.Where(i => i.TokenId == token.Id).ToList())
        {
            Emit(new IncidentResolved(Header(incident.ElementId), incident.Id));
        }

        if (token.CalledInstanceId is { } childId) Context.Load(childId)?.CancelInstance("its call activity was cancelled");
        if (token.Phase == TokenPhase.Active) Emit(new ElementLeft(Header(token.ElementId), token.Id, false));
        Consume(token);
    }

    public void CancelInstance(string reason)
    {
        if (State.IsEnded) return;
        foreach (var child in Children(ProcessInstanceState.RootTokenId)) Cancel(child);
        CloseWaits(Root);
        foreach (var incident in State.Incidents.Values.ToList()) Emit(new IncidentResolved(Header(incident.ElementId), incident.Id));
        Emit(new InstanceCancelled(Header(Process.Id), reason));
    }

    /// <summary>A correlated message reaches the subscription (ignored if it closed meanwhile).</summary>
    public bool DeliverMessage(Guid subscriptionId, IReadOnlyDictionary<string, object?> variables, DateTimeOffset? bufferedAt)
    {
        if (!State.MessageSubscriptions.TryGetValue(subscriptionId, out var subscription)) return false;
        if (!State.Tokens.TryGetValue(subscription.TokenId, out var owner)) return false;
        Emit(new MessageCorrelated(Header(subscription.ElementId), subscription.MessageName, subscription.CorrelationKey, bufferedAt));
        var catcher = Process.Node(subscription.ElementId);
        if (!IsNonInterrupting(catcher)) Emit(new MessageSubscriptionClosed(Header(subscription.ElementId), subscription.Id));
        Trigger(owner, catcher, variables);
        return true;
    }

    public bool DeliverSignal(Guid subscriptionId, IReadOnlyDictionary<string, object?> variables)
    {
        if (!State.SignalSubscriptions.TryGetValue(subscriptionId, out var subscription)) return false;
        if (!State.Tokens.TryGetValue(subscription.TokenId, out var owner)) return false;
        Emit(new SignalReceived(Header(subscription.ElementId), subscription.SignalName));
        var catcher = Process.Node(subscription.ElementId);
        if (!IsNonInterrupting(catcher)) Emit(new SignalSubscriptionClosed(Header(subscription.ElementId), subscription.Id));
        Trigger(owner, catcher, variables);
        return true;
    }

    /// <summary>
    /// Fires a timer job. A job the instance no longer holds (fired already by a worker whose lock expired, or
    /// cancelled with its token) changes nothing.
    /// </summary>
    public bool FireJob(Guid jobId)
    {
        if (!State.Jobs.TryGetValue(jobId, out var job)) return false;
        Emit(new JobFired(Header(job.ElementId), jobId));
        if (job.TokenId is not { } ownerId || !State.Tokens.TryGetValue(ownerId, out var owner)) return true;
        var catcher = Process.Node(job.ElementId);
        if (IsNonInterrupting(catcher) && job.RemainingRepetitions != 0
            && TimerScheduleParser.Parse(job.TimerKind, job.TimerText).Schedule?.NextDue(new TimerDue(job.DueAt, job.RemainingRepetitions)) is { } next)
        {
            Emit(new JobCreated(Header(job.ElementId), job with
            {
                Id = Guid.NewGuid(),
                DueAt = next.At,
                RemainingRepetitions = next.RemainingRepetitions,
                LockOwner = null,
                LockExpiresAt = null,
            }));
        }

        Trigger(owner, catcher, NoVariables);
        return true;
    }

    /// <summary>
    /// The job executor gave up on a timer: the instance drops it and an incident on the waiting token says why;
    /// resolving the incident fires the timer's event once more.
    /// </summary>
    public bool FailJob(Guid jobId, string message)
    {
        if (!State.Jobs.TryGetValue(jobId, out var job)) return false;
        Emit(new JobCancelled(Header(job.ElementId), jobId));
        if (job.TokenId is not { } ownerId || !State.Tokens.ContainsKey(ownerId)) return true;
        Emit(new IncidentRaised(Header(job.ElementId), new IncidentRecord
        {
            Id = Guid.NewGuid(),
            TokenId = ownerId,
            ElementId = job.ElementId,
            Kind = IncidentKind.JobFailed,
            Message = message,
            RaisedAt = Context.Now,
        }));
        return true;
    }

    private bool IsNonInterrupting(FlowNode catcher) => catcher switch
    {
        BoundaryEvent boundary => !boundary.CancelActivity,
        StartEvent start when Process.FindNode(start.ScopeId) is EventSubProcess eventSubProcess => !eventSubProcess.IsInterrupting,
        _ => false,
    };
}
