using CityOps.Flow.Engine.Runtime.Messages;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class SqlWorkflowStore
{
    public IReadOnlyList<MessageSubscriptionRecord> FindMessageSubscriptions(string messageName, string correlationKey)
    {
        using var connection = connections.Open();
        return connection.Query<MessageSubscriptionRow>(
                """
                SELECT id AS Id, instance_id AS InstanceId, token_id AS TokenId, element_id AS ElementId, message_name AS MessageName,
                    correlation_key AS CorrelationKey, opened_at AS OpenedAt
                FROM message_subscriptions
                WHERE message_name = @messageName AND correlation_key = @correlationKey
                ORDER BY opened_at, id
                """,
                new { messageName, correlationKey })
            .Select(r => r.ToRecord())
            .ToList();
    }

    public IReadOnlyList<SignalSubscriptionRecord> FindSignalSubscriptions(string signalName)
    {
        using var connection = connections.Open();
        return connection.Query<SignalSubscriptionRow>(
                """
                SELECT id AS Id, instance_id AS InstanceId, token_id AS TokenId, element_id AS ElementId, signal_name AS SignalName
                FROM signal_subscriptions
                WHERE signal_name = @signalName
                ORDER BY instance_id, token_id, id
                """,
                new { signalName })
            .Select(r => r.ToRecord())
            .ToList();
    }

    public IReadOnlyList<BufferedMessage> FindBufferedMessages(string messageName, string correlationKey, DateTimeOffset now)
    {
        using var connection = connections.Open();
        return connection.Query<BufferedMessageRow>(
                """
                SELECT id AS Id, message_name AS MessageName, correlation_key AS CorrelationKey, variables AS Variables,
                    published_at AS PublishedAt, expires_at AS ExpiresAt
                FROM buffered_messages
                WHERE message_name = @messageName AND correlation_key = @correlationKey AND expires_at > @now
                ORDER BY published_at, id
                """,
                new { messageName, correlationKey, now = Instant(now) })
            .Select(r => r.ToRecord())
            .ToList();
    }

    private sealed class MessageSubscriptionRow
    {
        public string Id { get; set; } = "";

        public string InstanceId { get; set; } = "";

        public long TokenId { get; set; }

        public string ElementId { get; set; } = "";

        public string MessageName { get; set; } = "";

        public string CorrelationKey { get; set; } = "";

        public object? OpenedAt { get; set; }

        public MessageSubscriptionRecord ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            InstanceId = Guid.Parse(InstanceId),
            TokenId = TokenId,
            ElementId = ElementId,
            MessageName = MessageName,
            CorrelationKey = CorrelationKey,
            OpenedAt = ReadRequiredInstant(OpenedAt),
        };
    }

    private sealed class SignalSubscriptionRow
    {
        public string Id { get; set; } = "";

        public string InstanceId { get; set; } = "";

        public long TokenId { get; set; }

        public string ElementId { get; set; } = "";

        public string SignalName { get; set; } = "";

        public SignalSubscriptionRecord ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            InstanceId = Guid.Parse(InstanceId),
            TokenId = TokenId,
            ElementId = ElementId,
            SignalName = SignalName,
        };
    }

    private sealed class BufferedMessageRow
    {
        public string Id { get; set; } = "";

        public string MessageName { get; set; } = "";

        public string CorrelationKey { get; set; } = "";

        public string Variables { get; set; } = "{}";

        public object? PublishedAt { get; set; }

        public object? ExpiresAt { get; set; }

        public BufferedMessage ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            MessageName = MessageName,
            CorrelationKey = CorrelationKey,
            Variables = WorkflowJson.Deserialize<Dictionary<string, object?>>(Variables),
            PublishedAt = ReadRequiredInstant(PublishedAt),
            ExpiresAt = ReadRequiredInstant(ExpiresAt),
        };
    }
}
