using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class TimerTests
{
    [Fact]
    public void Non_interrupting_R3_cycle_fires_three_times_while_the_task_stays_open()
    {
        var reminders = 0;
        var h = new RuntimeHarness(handlers => handlers.Register("send-reminder", _ =>
        {
            reminders++;
            return ServiceTaskResult.Completed();
        }));
        h.Deploy("timers/reminder-cycle.bpmn");
        var id = h.Start("reminder_cycle");

        var fired = 0;
        for (var hour = 0; hour < 5; hour++) fired += h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, fired);
        Assert.Equal(3, reminders);
        Assert.Equal(["Handle"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Empty(h.State(id).Jobs);
        Assert.Equal(3, h.History(id).Count(e => e is JobFired));
        h.Complete(id, "Handle");
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Cycle_jobs_due_at_once_catch_up_in_one_sweep()
    {
        var h = new RuntimeHarness(handlers => handlers.Register("send-reminder", _ => ServiceTaskResult.Completed()));
        h.Deploy("timers/reminder-cycle.bpmn");
        var id = h.Start("reminder_cycle");

        Assert.Equal(3, h.Advance(TimeSpan.FromHours(10)));
        Assert.Equal(["Handle"], h.Tasks(id).Select(t => t.ElementId));
    }

    [Fact]
    public void Completing_the_task_removes_its_pending_cycle()
    {
        var h = new RuntimeHarness(handlers => handlers.Register("send-reminder", _ => ServiceTaskResult.Completed()));
        h.Deploy("timers/reminder-cycle.bpmn");
        var id = h.Start("reminder_cycle");
        h.Advance(TimeSpan.FromHours(1));

        h.Complete(id, "Handle");

        Assert.Equal(0, h.Advance(TimeSpan.FromHours(5)));
        Assert.Null(h.Store.NextDueTime());
    }

    [Fact]
    public void Interrupting_timer_with_a_duration_expression_cancels_the_task_and_escalates()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/deadline.bpmn");
        var id = h.Start("deadline", new { timeLimit = "PT4H" });

        Assert.Equal(0, h.Advance(TimeSpan.FromHours(3)));
        Assert.Equal(1, h.Advance(TimeSpan.FromHours(1)));

        Assert.Equal(["Supervise"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Contains(h.History(id), e => e is TaskCancelled { ElementId: "Handle" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Timer_expressions_may_give_a_date_time_or_a_duration()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/expression-timers.bpmn");
        var id = h.Start("expression_timers", new { deadline = RuntimeHarness.Epoch.AddHours(3) });

        Assert.Equal(RuntimeHarness.Epoch.AddHours(3), Assert.Single(h.State(id).Jobs.Values).DueAt);
        Assert.Equal(1, h.Advance(TimeSpan.FromHours(3)));
        Assert.Equal(["Cool"], h.ActiveElements(id));
        Assert.Equal(h.Clock.GetUtcNow().AddHours(2), Assert.Single(h.State(id).Jobs.Values).DueAt);
        Assert.Equal(1, h.Advance(TimeSpan.FromHours(2)));
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Intermediate_timer_waits_its_duration()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/deadline.bpmn");
        var id = h.Start("deadline", new { timeLimit = "P1D" });
        h.Complete(id, "Handle");

        Assert.Equal(["Wait"], h.ActiveElements(id));
        Assert.Equal(0, h.Advance(TimeSpan.FromMinutes(29)));
        Assert.Equal(1, h.Advance(TimeSpan.FromMinutes(1)));
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Timer_out_of_retries_becomes_an_incident_and_resolving_it_fires_the_timer()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/deadline.bpmn");
        var id = h.Start("deadline", new { timeLimit = "PT1H" });
        var job = Assert.Single(h.State(id).Jobs.Values);

        Assert.True(h.Engine.RaiseJobIncident(job, "mail server unreachable").Expect());

        var incident = Assert.Single(h.State(id).Incidents.Values);
        Assert.Equal(("Overdue", IncidentKind.JobFailed), (incident.ElementId, incident.Kind));
        Assert.Empty(h.State(id).Jobs);
        Assert.Null(h.Store.NextDueTime());
        Assert.Equal(["Handle"], h.Tasks(id).Select(t => t.ElementId));

        h.Engine.ResolveIncident(id, incident.Id, "operator").Expect();

        Assert.Equal(["Supervise"], h.Tasks(id).Select(t => t.ElementId));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void A_job_run_again_after_its_lock_expired_changes_nothing()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/deadline.bpmn");
        var id = h.Start("deadline", new { timeLimit = "PT1H" });
        h.Clock.Advance(TimeSpan.FromHours(1));
        var job = Assert.Single(h.Store.AcquireDueJobs(h.Clock.GetUtcNow(), "worker-1", h.Clock.GetUtcNow().AddMinutes(5), 10));

        Assert.True(h.Engine.FireJob(job).Expect());
        var before = StateText.Describe(h.State(id));
        var again = h.Engine.FireJob(job);

        Assert.False(again.Expect());
        Assert.Equal(before, StateText.Describe(h.State(id)));
        Assert.Single(h.History(id).OfType<JobFired>());
    }
}

public sealed class TimerStartTests
{
    [Fact]
    public void Timer_start_event_starts_an_instance_each_cycle_and_stops_after_its_repetitions()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/daily-sweep.bpmn");

        Assert.Equal(0, h.Advance(TimeSpan.FromHours(23)));
        Assert.Equal(1, h.Advance(TimeSpan.FromHours(1)));
        Assert.Equal(1, h.Advance(TimeSpan.FromHours(24)));
        Assert.Equal(0, h.Advance(TimeSpan.FromHours(72)));

        Assert.Equal(2, h.Engine.QueryTasks(new CityOps.Flow.Engine.Runtime.Tasks.TaskQuery { CandidateGroups = ["grid"] }).Total);
    }

    [Fact]
    public void Redeploying_a_timer_start_process_replaces_the_old_versions_timer()
    {
        var h = new RuntimeHarness();
        h.Deploy("timers/daily-sweep.bpmn");
        var changed = RuntimeHarness.ProcessFile("timers/daily-sweep.bpmn").Replace("R2/PT24H", "R1/PT12H");
        h.Engine.Deploy([new CityOps.Flow.Engine.Runtime.Commands.DeploymentResource("daily-sweep.bpmn", changed)]);

        Assert.Equal(1, h.Advance(TimeSpan.FromHours(48)));
        var task = Assert.Single(h.Engine.QueryTasks(new CityOps.Flow.Engine.Runtime.Tasks.TaskQuery { CandidateGroups = ["grid"] }).Items);
        Assert.Equal(2, task.ProcessVersion);
    }
}
