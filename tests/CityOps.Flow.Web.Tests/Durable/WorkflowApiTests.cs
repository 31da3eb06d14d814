using System.Net;
using System.Text.Json;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Durable;

public sealed class WorkflowApiTests : IAsyncLifetime
{
    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private WorkflowApiClient api = null!;

    public async Task InitializeAsync()
    {
        var client = new PortalClient(host);
        await client.SignInAsync("admin", "Admin#2026");
        api = new WorkflowApiClient(client.Http);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_instance_runs_from_start_through_its_task_and_timer_to_the_end_over_http()
    {
        await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.InspectAndWait), HttpStatusCode.OK);
        var instanceId = await api.StartAsync("inspect_and_wait", new { wait = "PT1S", site = "南京路 12 号" }, "case-1");

        var tasks = await api.GetAsync($"/api/workflows/tasks?candidateGroup=inspectors&instanceId={instanceId}");
        Assert.Equal(1, tasks.GetProperty("total").GetInt32());
        var task = tasks.GetProperty("items")[0];
        // Three working days after Friday 2026-11-20 10:00 Shanghai, on the demo district calendar: close of Wednesday.
        Assert.StartsWith("2026-11-25", task.GetProperty("dueDate").GetString());
        var taskId = task.GetProperty("id").GetGuid();

        await api.PostAsync($"/api/workflows/tasks/{taskId}/claim");
        var afterComplete = await api.PostAsync($"/api/workflows/tasks/{taskId}/complete", new { variables = new { verdict = "fixed" } });
        Assert.Equal("Active", afterComplete.GetProperty("status").GetString());

        // The executor was told about the new timer, so it fires after one second, not after the 30 s poll.
        var instance = await WaitForStatusAsync(instanceId, "Completed", TimeSpan.FromSeconds(10));
        Assert.Equal("fixed", instance.GetProperty("variables").GetProperty("verdict").GetString());
        Assert.Equal("南京路 12 号", instance.GetProperty("variables").GetProperty("site").GetString());
        var kinds = (await api.GetAsync($"/api/workflows/instances/{instanceId}/history")).EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "job-fired"));
        Assert.Equal(1, kinds.Count(k => k == "task-completed"));
        Assert.Equal("instance-completed", kinds[^1]);
    }

    [Fact]
    public async Task Deploying_the_same_file_again_creates_no_new_version()
    {
        var first = await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.InspectAndWait), HttpStatusCode.OK);
        var second = await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.InspectAndWait), HttpStatusCode.OK);

        Assert.True(first[0].GetProperty("isNew").GetBoolean());
        Assert.False(second[0].GetProperty("isNew").GetBoolean());
        var versions = await api.GetAsync("/api/workflows/definitions/inspect_and_wait/versions");
        Assert.Equal(1, versions.GetArrayLength());
        Assert.Contains(
            (await api.GetAsync("/api/workflows/definitions")).EnumerateArray(),
            d => d.GetProperty("processId").GetString() == "inspect_and_wait" && d.GetProperty("version").GetInt32() == 1);
    }

    [Fact]
    public async Task A_definition_the_engine_cannot_run_is_a_400_problem_naming_the_element()
    {
        var broken = DurableFiles.InspectAndWait.Replace("targetRef=\"Settle\"", "targetRef=\"Nowhere\"");

        var response = await api.DeployAsync(broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").GetProperty("inspect-and-wait.bpmn").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("Nowhere", StringComparison.Ordinal));
        var located = problem.RootElement.GetProperty("problems").EnumerateArray()
            .Single(p => p.GetProperty("message").GetString()!.Contains("Nowhere", StringComparison.Ordinal));
        Assert.Equal("f2", located.GetProperty("elementId").GetString());
        Assert.Equal(13, located.GetProperty("line").GetInt32()); // the sequence flow's line in the file
    }

    [Fact]
    public async Task Starting_an_unknown_process_is_a_409_problem()
    {
        var response = await api.Http.PostAsync("/api/workflows/instances",
            new StringContent("""{"processId":"no_such_process"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("no_such_process", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_workflow_api_refuses_a_caller_without_a_session()
    {
        var response = await host.CreateClient().GetAsync("/api/workflows/definitions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_message_nobody_waits_for_is_buffered_and_a_signal_reaches_no_one()
    {
        var message = await api.PostAsync("/api/workflows/messages", new { name = "citizen-callback", correlationKey = "case-9" });
        var signal = await api.PostAsync("/api/workflows/signals", new { name = "storm-warning" });

        Assert.Equal("Buffered", message.GetProperty("outcome").GetString());
        Assert.Equal(0, signal.GetProperty("instances").GetArrayLength());
        Assert.Equal(0, (await api.GetAsync("/api/workflows/incidents")).GetArrayLength());
    }

    [Fact]
    public async Task An_incident_is_listed_with_its_element_and_a_retry_runs_the_element_again()
    {
        const string gateway = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                              id="Defs_route_by_amount" targetNamespace="http://cityops.example/bpmn">
              <bpmn:process id="route_by_amount" isExecutable="true">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Route" />
                <bpmn:exclusiveGateway id="Route" />
                <bpmn:sequenceFlow id="f_big" sourceRef="Route" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt; 100</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        await WorkflowApiClient.ExpectAsync(await api.DeployAsync(gateway, "route-by-amount.bpmn"), HttpStatusCode.OK);
        var instanceId = await api.StartAsync("route_by_amount", new { amount = 5 });

        var incident = Assert.Single((await api.GetAsync("/api/workflows/incidents")).EnumerateArray());
        Assert.Equal(instanceId, incident.GetProperty("instanceId").GetGuid());
        Assert.Equal("Route", incident.GetProperty("elementId").GetString());
        Assert.Equal("NoOutgoingFlow", incident.GetProperty("kind").GetString());
        var incidentId = incident.GetProperty("incidentId").GetGuid();

        // Nothing changed the amount, so the gateway stops again with a fresh incident.
        var retried = await api.PostAsync($"/api/workflows/instances/{instanceId}/incidents/{incidentId}/retry");
        var again = Assert.Single(retried.GetProperty("incidents").EnumerateArray());
        Assert.NotEqual(incidentId, again.GetProperty("incidentId").GetGuid());
        var kinds = (await api.GetAsync($"/api/workflows/instances/{instanceId}/history")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "incident-resolved"));
        Assert.Equal(2, kinds.Count(k => k == "incident-raised"));

        var unknown = await api.Http.PostAsync($"/api/workflows/instances/{instanceId}/incidents/{incidentId}/retry", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_workflow_api()
    {
        var document = await api.GetAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/workflows/definitions", paths);
        Assert.Contains("/api/workflows/instances/{instanceId}", paths);
        Assert.Contains("/api/workflows/tasks/{taskId}/complete", paths);
        Assert.Contains("/api/workflows/instances/{instanceId}/incidents/{incidentId}/retry", paths);
    }

    private async Task<JsonElement> WaitForStatusAsync(Guid instanceId, string status, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var instance = await api.InstanceAsync(instanceId);
            if (instance.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, instance.GetProperty("status").GetString());
                return instance;
            }

            await Task.Delay(100);
        }
    }
}
