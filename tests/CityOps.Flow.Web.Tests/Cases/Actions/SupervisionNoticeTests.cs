using System.Net;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Tests.Hosting;
using CityOps.Flow.Web.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Cases.Actions;

/// <summary>The lifecycle's <c>notify</c> task as the host registers it, on a case filed through the real host.</summary>
public sealed class SupervisionNoticeTests : IAsyncLifetime
{
    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private string caseId = null!;
    private string leadDepartment = null!;

    public async Task InitializeAsync()
    {
        var operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");
        var answer = await operatorApi.FileAsync(CaseApiClient.LampReport("app-notice", 31.052, 121.579), HttpStatusCode.Created);
        caseId = answer.GetProperty("caseId").GetString()!;
        leadDepartment = answer.GetProperty("case").GetProperty("leadDepartmentId").GetString()!;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_overdue_notice_with_supervise_is_stored_once_even_when_the_command_runs_again()
    {
        var notify = host.Services.GetRequiredService<ServiceTaskHandlers>().Find(CaseLifecycleHandlers.Notify)!;
        var context = Context(new() { ["tier"] = "overdue", ["supervise"] = true });

        notify(context);
        notify(context);

        var notices = await Cases.ListSupervisionNoticesAsync(caseId, new DataScope([], [leadDepartment]));
        var notice = Assert.Single(notices);
        Assert.Equal(WarningTier.Overdue, notice.Tier);
        Assert.Equal(leadDepartment, notice.DepartmentId);
        Assert.Equal(["section chief", "leader:u-1"], notice.Recipients);
        Assert.Equal("系统督办，已通知科室负责人、u-1", notice.Message);
    }

    [Fact]
    public async Task A_warning_without_supervise_stores_no_notice()
    {
        var notify = host.Services.GetRequiredService<ServiceTaskHandlers>().Find(CaseLifecycleHandlers.Notify)!;

        var result = notify(Context(new() { ["tier"] = "yellow", ["supervise"] = false }));

        Assert.Null(result.ErrorCode);
        Assert.Empty(await Cases.ListSupervisionNoticesAsync(caseId, new DataScope([], [leadDepartment])));
    }

    private CaseRepository Cases => host.Services.GetRequiredService<CaseRepository>();

    private ServiceTaskContext Context(Dictionary<string, object?> variables)
    {
        variables["caseId"] = caseId;
        variables["leadDepartment"] = leadDepartment;
        variables["recipients"] = new List<object?> { "section chief", "leader:u-1" };
        return new ServiceTaskContext
        {
            InstanceId = Guid.NewGuid(),
            ProcessId = "case-lifecycle",
            ElementId = "Notify",
            TaskType = CaseLifecycleHandlers.Notify,
            Variables = variables,
            Headers = new Dictionary<string, string>(),
            Now = new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(8)),
        };
    }
}
