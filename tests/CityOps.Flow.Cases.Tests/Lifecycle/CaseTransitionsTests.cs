using CityOps.Flow.Cases.Lifecycle;
using static CityOps.Flow.Cases.Lifecycle.CaseCommand;
using static CityOps.Flow.Cases.Lifecycle.CaseStatus;

namespace CityOps.Flow.Cases.Tests.Lifecycle;

public sealed class CaseTransitionsTests
{
    private static CaseStatus Run(CaseStatus start, params CaseCommand[] commands)
    {
        var status = start;
        foreach (var command in commands)
        {
            var outcome = CaseTransitions.Apply(status, command);
            Assert.True(outcome.Accepted, outcome.Refusal);
            status = outcome.Status;
        }

        return status;
    }

    [Fact]
    public void Happy_path_runs_the_closed_loop_from_report_to_closure()
    {
        Assert.Equal(Closed, Run(Reported, CaseCommand.File, Dispatch, Accept, Complete, ReviewAccept, RecordCallbackSatisfied));
    }

    [Fact]
    public void Refusal_names_the_status_and_the_command()
    {
        var outcome = CaseTransitions.Apply(AwaitingReview, Accept);

        Assert.False(outcome.Accepted);
        Assert.Equal(AwaitingReview, outcome.Status);
        Assert.StartsWith("cannot accept a case that is awaiting review", outcome.Refusal);
        Assert.EndsWith("allowed now: approve the result of, send back", outcome.Refusal);
    }

    [Fact]
    public void Final_statuses_refuse_everything_and_say_so()
    {
        Assert.True(CaseTransitions.IsFinal(Merged));
        Assert.True(CaseTransitions.IsFinal(Cancelled));
        Assert.False(CaseTransitions.IsFinal(Closed));
        Assert.Equal("cannot reopen a case that is cancelled; a cancelled case is final", CaseTransitions.Apply(Cancelled, Reopen).Refusal);
    }

    [Fact]
    public void Misrouted_case_returns_to_the_dispatcher_before_or_after_acceptance()
    {
        Assert.Equal(Filed, Run(Dispatched, Return));
        Assert.Equal(Filed, Run(Handling, Return));
        Assert.Equal(Dispatched, Run(Filed, Dispatch, Return, Dispatch));
    }

    [Fact]
    public void Joint_handling_returns_to_the_lead_or_completes_directly()
    {
        Assert.Equal(JointHandling, Run(Handling, RequestAssistance, RequestAssistance));
        Assert.Equal(Handling, Run(Handling, RequestAssistance, FinishAssistance));
        Assert.Equal(AwaitingReview, Run(Handling, RequestAssistance, Complete));
    }

    [Fact]
    public void Case_in_joint_handling_cannot_be_returned_as_misrouted()
    {
        Assert.StartsWith("cannot return a case that is in joint handling", CaseTransitions.Apply(JointHandling, Return).Refusal);
    }

    [Fact]
    public void Extension_request_keeps_the_status()
    {
        Assert.Equal(Handling, Run(Handling, RequestExtension));
        Assert.Equal(JointHandling, Run(JointHandling, RequestExtension));
    }

    [Fact]
    public void Review_sends_an_unsatisfactory_result_back_to_handling()
    {
        Assert.Equal(Handling, Run(AwaitingReview, ReviewSendBack));
    }

    [Fact]
    public void Dissatisfied_citizen_reopens_the_case_for_a_new_dispatch()
    {
        Assert.Equal(Dispatched, Run(AwaitingCallback, RecordCallbackDissatisfied, Dispatch));
    }

    [Fact]
    public void Closed_case_can_be_reopened_but_not_handled()
    {
        Assert.Equal(Reopened, Run(Closed, Reopen));
        Assert.StartsWith("cannot complete a case that is closed", CaseTransitions.Apply(Closed, Complete).Refusal);
    }

    [Fact]
    public void Duplicates_merge_only_before_a_department_starts_work()
    {
        Assert.Equal(Merged, Run(Filed, Merge));
        Assert.Equal(Merged, Run(Dispatched, Merge));
        Assert.False(CaseTransitions.Apply(Handling, Merge).Accepted);
    }

    [Fact]
    public void Case_being_handled_cannot_be_cancelled()
    {
        Assert.StartsWith("cannot cancel a case that is being handled", CaseTransitions.Apply(Handling, Cancel).Refusal);
    }

    [Fact]
    public void Sensor_case_closes_without_a_callback()
    {
        Assert.Equal(Closed, Run(AwaitingCallback, CloseWithoutCallback));
    }

    [Fact]
    public void Every_status_is_reachable_from_reported()
    {
        var reached = new HashSet<CaseStatus> { Reported };
        var frontier = new Queue<CaseStatus>([Reported]);
        while (frontier.TryDequeue(out var status))
        {
            foreach (var transition in CaseTransitions.Table.Where(t => t.From == status))
            {
                if (reached.Add(transition.To))
                {
                    frontier.Enqueue(transition.To);
                }
            }
        }

        Assert.Equal(Enum.GetValues<CaseStatus>().ToHashSet(), reached);
    }

    [Fact]
    public void Table_has_one_target_per_status_and_command()
    {
        var duplicates = CaseTransitions.Table.GroupBy(t => (t.From, t.Command)).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_command_is_allowed_somewhere()
    {
        Assert.Equal(Enum.GetValues<CaseCommand>().ToHashSet(), CaseTransitions.Table.Select(t => t.Command).ToHashSet());
    }
}
