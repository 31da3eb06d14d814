using System.Net;
using System.Text.Json;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>Message subscriptions, buffered messages and signal subscriptions outlive a restart of the host.</summary>
public sealed class MessageDurabilityTests : IDisposable
{
    private readonly string dataDirectory = PortalHost.NewDataDirectory();

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    [Fact]
    public async Task A_waiting_instance_takes_its_message_and_signal_after_restarts()
    {
        Guid instanceId;
        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.CallbackThenAllClear, "callback-then-all-clear.bpmn"), HttpStatusCode.OK);
            instanceId = await api.StartAsync("callback_then_all_clear", new { caseId = "12345-0001" });
        }

        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            var correlated = await api.PostAsync("/api/workflows/messages", new { name = "citizen-callback", correlationKey = "12345-0001", variables = new { satisfied = true } });
            Assert.Equal([instanceId], correlated.GetProperty("instances").EnumerateArray().Select(i => i.GetGuid()));
        }

        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            var reached = await api.PostAsync("/api/workflows/signals", new { name = "storm-all-clear" });
            Assert.Equal([instanceId], reached.GetProperty("instances").EnumerateArray().Select(i => i.GetGuid()));
            var instance = await api.InstanceAsync(instanceId);
            Assert.Equal("Completed", instance.GetProperty("status").GetString());
            Assert.True(instance.GetProperty("variables").GetProperty("satisfied").GetBoolean());
        }
    }

    [Fact]
    public async Task A_message_buffered_before_a_restart_reaches_the_instance_started_after_it()
    {
        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            await WorkflowApiClient.ExpectAsync(await api.DeployAsync(DurableFiles.CallbackThenAllClear, "callback-then-all-clear.bpmn"), HttpStatusCode.OK);
            var early = await api.PostAsync("/api/workflows/messages", new { name = "citizen-callback", correlationKey = "12345-0002", timeToLive = "01:00:00" });
            Assert.Equal("Buffered", early.GetProperty("outcome").GetString());
        }

        await using (var host = new PortalHost(dataDirectory))
        {
            var api = await SignInAsync(host);
            var instanceId = await api.StartAsync("callback_then_all_clear", new { caseId = "12345-0002" });

            var instance = await api.InstanceAsync(instanceId);
            var waiting = instance.GetProperty("tokens").EnumerateArray().Select(t => t.GetProperty("elementId").GetString()).ToList();
            Assert.Contains("AllClear", waiting);
            Assert.DoesNotContain("Callback", waiting);
        }
    }

    private static async Task<WorkflowApiClient> SignInAsync(PortalHost host)
    {
        var client = new PortalClient(host);
        await client.SignInAsync("admin", "Admin#2026");
        return new WorkflowApiClient(client.Http);
    }
}
