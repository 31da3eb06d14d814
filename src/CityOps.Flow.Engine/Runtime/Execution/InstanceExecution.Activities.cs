using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Runtime.Execution;

// Entering elements: input mappings, boundary events, and what each kind of element does on arrival.
internal sealed partial class InstanceExecution
{
    /// <summary>Puts the first token of a new instance (or of an event start) on its start event.</summary>
    public void BeginAt(StartEvent start, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var (name, value) in variables) SetLocal(ProcessInstanceState.RootTokenId, name, value);
        OpenEventSubProcesses(Root);
        var token = CreateToken(start.Id, ProcessInstanceState.RootTokenId, null);
        Schedule(token.Id, Enter);
    }

    private void Arrive(Token token)
    {
        if (token.Phase != TokenPhase.Arrived) return;
        var node = NodeOf(token);
        if (node is ParallelGateway or InclusiveGateway && Process.Incoming(node.Id).Count > 1)
        {
            TryJoin(token.ParentId!.Value, (Gateway)node);
            return;
        }

        Enter(token);
    }

    private void Enter(Token token)
    {
        if (token.Phase != TokenPhase.Arrived) return;
        var node = NodeOf(token);
        Emit(new ElementEntered(Header(node.Id), token.Id));
        if (node is Activity { MultiInstance: { } loop } activity && !IsInner(token))
        {
            EnterMultiInstanceBody(token, activity, loop);
            return;
        }

        if (!ApplyInputMappings(token, node)) return;
        if (node is Activity && !IsInner(token)) OpenBoundaryEvents(token);
        Perform(token, node);
    }

    private bool ApplyInputMappings(Token token, FlowNode node)
    {
        if (node.IoMapping is not { Inputs.Count: > 0 } mapping) return true;
        foreach (var input in mapping.Inputs)
        {
            var value = Expressions.Value(input.Source, Visible(token.Id));
            if (value.Failed)
            {
                RaiseIncident(token, IncidentKind.ExpressionFailed, $"Input mapping '{input.Target}' of '{node.Id}': {value.Error}");
                return false;
            }

            SetLocal(token.Id, input.Target, value.Value);
        }

        return true;
    }

    /// <summary>What the element does once entered; re-run when an operator resolves an incident on it.</summary>
    private void Perform(Token token, FlowNode node)
    {
        switch (node)
        {
            case StartEvent or BoundaryEvent or ManualTask or NoneTask:
                Complete(token);
                break;
            case EndEvent end:
                PerformEndEvent(token, end);
                break;
            case IntermediateThrowEvent throwEvent:
                PerformThrowEvent(token, throwEvent);
                break;
            case IntermediateCatchEvent { Definition: { } definition }:
                OpenWait(token, token, definition, node.Id);
                break;
            case IntermediateCatchEvent:
                Complete(token);
                break;
            case UserTask userTask:
                OpenUserTask(token, userTask);
                break;
            case ServiceTask service:
                RunHandler(token, service.Definition, service.Headers);
                break;
            case SendTask { Definition: { } definition } send:
                RunHandler(token, definition, send.Headers);
                break;
            case SendTask:
                Complete(token);
                break;
            case BusinessRuleTask { Decision: { } decision }:
                EvaluateDecision(token, decision);
                break;
            case BusinessRuleTask { Definition: { } definition } rule:
                RunHandler(token, definition, rule.Headers);
                break;
            case BusinessRuleTask:
                Complete(token);
                break;
            case ReceiveTask receive:
                OpenMessageWait(token, receive.Message, node.Id);
                break;
            case SubProcess:
                EnterSubProcess(token);
                break;
            case CallActivity call:
                StartCalledProcess(token, call);
                break;
            case Gateway gateway:
                PerformGateway(token, gateway);
                break;
            default:
                RaiseIncident(token, IncidentKind.ExpressionFailed, $"Element '{node.Id}' ({node.GetType().Name}) cannot be run here.");
                break;
        }
    }

    /// <summary>An operator resolved the incident: the element runs again from where it stopped.</summary>
    public bool ResolveIncident(Guid incidentId)
    {
        if (!State.Incidents.TryGetValue(incidentId, out var incident)) return false;
        Emit(new IncidentResolved(Header(incident.ElementId), incidentId));
        if (!State.Tokens.TryGetValue(incident.TokenId, out var token) || token.Phase != TokenPhase.Active) return true;
        if (incident.Kind == IncidentKind.JobFailed)
        {
            Schedule(token.Id, t => Trigger(t, Process.Node(incident.ElementId), NoVariables));
        }
        else
        {
            Schedule(token.Id, t => Perform(t, NodeOf(t)));
        }

        return true;
    }

    private void EnterSubProcess(Token token)
    {
        OpenEventSubProcesses(token);
        if (Definition.NoneStartEventOf(token.ElementId) is not { } start)
        {
            RaiseIncident(token, IncidentKind.NoOutgoingFlow, $"Sub-process '{token.ElementId}' has no none start event.");
            return;
        }

        var first = CreateToken(start.Id, token.Id, null);
        Schedule(first.Id, Enter);
    }

    private void OpenUserTask(Token token, UserTask task)
    {
        var visible = Visible(token.Id);
        string? Text(BpmnValue? value, string what)
        {
            if (value is null) return null;
            var result = Expressions.Value(value, visible);
            if (result.Failed) throw new ExpressionFailure($"{what} of '{task.Id}': {result.Error}");
            return ExpressionEvaluator.Text(result.Value);
        }

        IReadOnlyList<string> Names(BpmnValue? value, string what)
        {
            if (value is null) return [];
            var result = Expressions.Value(value, visible);
            if (result.Failed) throw new ExpressionFailure($"{what} of '{task.Id}': {result.Error}");
            return ExpressionEvaluator.Names(result.Value);
        }

        DateTimeOffset? Instant(BpmnValue? value, string what)
        {
            if (value is null) return null;
            var result = Expressions.Value(value, visible);
            if (result.Failed) throw new ExpressionFailure($"{what} of '{task.Id}': {result.Error}");
            return ExpressionEvaluator.Instant(result.Value)
                ?? throw new ExpressionFailure($"{what} of '{task.Id}': '{ExpressionEvaluator.Text(result.Value)}' is not a date-time with an offset");
        }

        UserTaskRecord record;
        try
        {
            var priority = Text(task.Priority, "priority");
            record = new UserTaskRecord
            {
                Id = Guid.NewGuid(),
                InstanceId = State.InstanceId,
                TokenId = token.Id,
                ElementId = task.Id,
                ProcessId = State.ProcessId,
                ProcessVersion = State.ProcessVersion,
                Name = task.Name,
                Assignee = Text(task.Assignment.Assignee, "assignee"),
                CandidateGroups = Names(task.Assignment.CandidateGroups, "candidate groups"),
                CandidateUsers = Names(task.Assignment.CandidateUsers, "candidate users"),
                DueDate = Instant(task.Schedule?.DueDate, "due date"),
                FollowUpDate = Instant(task.Schedule?.FollowUpDate, "follow-up date"),
                Priority = Priority(priority, task.Id),
                FormKey = task.Form?.FormKey ?? task.Form?.FormId,
                CreatedAt = Context.Now,
            };
        }
        catch (ExpressionFailure failure)
        {
            RaiseIncident(token, IncidentKind.ExpressionFailed, failure.Message);
            return;
        }

        Emit(new UserTaskCreated(Header(task.Id), record));
    }

    /// <summary>Zeebe's task priority: a whole number from 0 to 100, 50 when the model gives none.</summary>
    private static int Priority(string? text, string taskId)
    {
        if (text is null) return 50;
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < 0 || value > 100 || value != decimal.Truncate(value))
        {
            throw new ExpressionFailure($"priority of '{taskId}': '{text}' is not a whole number from 0 to 100");
        }

        return (int)value;
    }

    public bool CompleteUserTask(Guid taskId, IReadOnlyDictionary<string, object?> variables)
    {
        if (!State.OpenTasks.TryGetValue(taskId, out var task)) return false;
        Emit(new TaskCompleted(Header(task.ElementId), taskId));
        Schedule(task.TokenId, token => CompleteWith(token, variables));
        return true;
    }

    private void RunHandler(Token token, TaskDefinition definition, IReadOnlyList<TaskHeader> headers)
    {
        var visible = Visible(token.Id);
        var type = Expressions.Value(definition.Type, visible);
        if (type.Failed)
        {
            RaiseIncident(token, IncidentKind.ExpressionFailed, $"Task type of '{token.ElementId}': {type.Error}");
            return;
        }

        var taskType = ExpressionEvaluator.Text(type.Value) ?? "";
        if (Context.Handlers.Find(taskType) is not { } handler)
        {
            RaiseIncident(token, IncidentKind.ServiceTaskFailed, $"No handler is registered for task type '{taskType}' of '{token.ElementId}'.");
            return;
        }

        ServiceTaskResult result;
        try
        {
            result = handler(new ServiceTaskContext
            {
                InstanceId = State.InstanceId,
                ProcessId = State.ProcessId,
                ElementId = token.ElementId,
                TaskType = taskType,
                Variables = visible,
                Headers = headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal),
                Now = Context.Now,
            });
        }
        catch (BpmnErrorException error)
        {
            ThrowError(token, error.ErrorCode, error.Message);
            return;
        }
        catch (Exception failure)
        {
            // A handler is code outside the engine; its failure stops this token for an operator, not the command.
            RaiseIncident(token, IncidentKind.ServiceTaskFailed, $"Handler '{taskType}' of '{token.ElementId}' failed: {failure.Message}");
            return;
        }

        if (result.ErrorCode is { } code)
        {
            ThrowError(token, code, result.ErrorMessage);
            return;
        }

        CompleteWith(token, VariableValues.Normalize(result.Variables));
    }

    private void EvaluateDecision(Token token, CalledDecision called)
    {
        var visible = Visible(token.Id);
        var id = Expressions.Value(called.DecisionId, visible);
        if (id.Failed)
        {
            RaiseIncident(token, IncidentKind.ExpressionFailed, $"Decision id of '{token.ElementId}': {id.Error}");
            return;
        }

        var decisionId = ExpressionEvaluator.Text(id.Value) ?? "";
        var outcome = Context.Decisions.Evaluate(decisionId, visible);
        if (outcome.Error is { } error)
        {
            RaiseIncident(token, IncidentKind.DecisionFailed, $"Decision '{decisionId}' of '{token.ElementId}': {error}");
            return;
        }

        Emit(new DecisionEvaluated(Header(token.ElementId), token.Id, decisionId, outcome.Version, outcome.MatchedRules));
        CompleteWith(token, new Dictionary<string, object?> { [called.ResultVariable] = outcome.Value });
    }

    private void StartCalledProcess(Token token, CallActivity call)
    {
        var visible = Visible(token.Id);
        var id = Expressions.Value(call.Called.ProcessId, visible);
        if (id.Failed)
        {
            RaiseIncident(token, IncidentKind.ExpressionFailed, $"Called process of '{token.ElementId}': {id.Error}");
            return;
        }

        var processId = ExpressionEvaluator.Text(id.Value) ?? "";
        var definition = Context.LatestDefinition(processId);
        if (definition is null)
        {
            RaiseIncident(token, IncidentKind.CalledProcessMissing, $"Call activity '{token.ElementId}' calls '{processId}', which is not deployed.");
            return;
        }

        var variables = call.Called.PropagateAllParentVariables ? visible : new Dictionary<string, object?>(State.LocalVariables(token.Id));
        var child = Context.StartInstance(definition, variables, businessKey: State.BusinessKey, parent: (State.InstanceId, token.Id));
        if (child is null)
        {
            RaiseIncident(token, IncidentKind.CalledProcessMissing, $"Process '{processId}' has no none start event to call.");
            return;
        }

        Emit(new ChildInstanceStarted(Header(token.ElementId), token.Id, child.State.InstanceId));
    }

    /// <summary>The called instance finished; its variables come back through the call activity.</summary>
    public void ChildCompleted(long tokenId, Guid childId, IReadOnlyDictionary<string, object?> childVariables)
    {
        if (!State.Tokens.TryGetValue(tokenId, out var token) || token.CalledInstanceId != childId) return;
        var call = (CallActivity)NodeOf(token);
        var hasOutputs = call.IoMapping is { Outputs.Count: > 0 };
        var variables = call.Called.PropagateAllChildVariables || hasOutputs ? childVariables : NoVariables;
        Schedule(token.Id, t => CompleteWith(t, variables));
    }

}
