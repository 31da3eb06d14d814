using CityOps.Flow.Web.Tests.Durable;

namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>The lifecycle on a PostgreSQL database of its own (CITYOPS_TEST_POSTGRES names the server).</summary>
public sealed class PostgresLifecycleTests : LifecycleScenarios
{
    protected override LifecycleStore Store => LifecycleStore.Postgres;

    [PostgresFact]
    public Task A_street_lamp_is_dispatched_automatically_handled_reviewed_and_closed() => Automatic_dispatch_to_close();

    [PostgresFact]
    public Task A_dispatcher_filing_sets_the_lead_department_and_the_due_time() => Dispatcher_filing_sets_the_lead_and_the_due_time();

    [PostgresFact]
    public Task The_third_return_goes_to_the_district_centre_and_the_due_time_stays() => Three_returns_reach_the_district_centre();

    [PostgresFact]
    public Task Assisting_departments_work_in_parallel_and_the_lead_finalises() => Joint_handling_in_parallel_then_the_lead_finalises();

    [PostgresFact]
    public Task A_duplicate_report_joins_the_open_case_and_raises_its_cluster() => Duplicate_reports_join_the_open_case();

    [PostgresFact]
    public Task An_approved_extension_moves_the_due_time() => Extension_approved_moves_the_due_time();

    [PostgresFact]
    public Task A_denied_extension_keeps_the_due_time() => Extension_denied_keeps_the_due_time();

    [PostgresFact]
    public Task Warning_tiers_rise_in_working_time_and_overdue_escalates_while_handling_goes_on() => Warning_tiers_rise_in_working_time_and_escalate_when_overdue();

    [PostgresFact]
    public Task Three_working_days_of_callback_silence_close_the_case() => Callback_silence_for_three_working_days_closes_the_case();

    [PostgresFact]
    public Task A_result_sent_back_returns_to_the_lead_department() => Review_sends_the_result_back_to_the_lead();

    [PostgresFact]
    public Task A_dissatisfied_citizen_reopens_the_case_once() => Dissatisfied_citizen_reopens_once();

    [PostgresFact]
    public Task A_leader_reassigns_a_case_in_joint_handling() => Leader_assigns_a_case_in_handling_to_another_department();

    [PostgresFact]
    public Task A_leader_assigns_a_case_waiting_for_the_dispatcher() => Leader_assigns_a_case_waiting_for_the_dispatcher();

    [PostgresFact]
    public Task A_closed_case_cannot_be_assigned_or_marked_as_key() => A_closed_case_cannot_be_assigned_or_marked();

    [PostgresFact]
    public Task A_leader_files_an_assigned_key_report_at_intake() => Leader_files_an_assigned_key_report_at_intake();

    [PostgresFact]
    public Task A_key_case_tells_its_leader_of_every_notice_until_cleared() => A_key_case_tells_its_leader_of_every_notice_until_the_mark_is_cleared();

    [PostgresFact]
    public Task A_street_leader_gets_404_for_a_case_of_another_street() => A_street_leader_cannot_reach_a_case_of_another_street();
}
