using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage;

/// <summary>
/// The workflow engine's store on SQLite or PostgreSQL. An instance is its append-only history: loading replays the
/// events into state, and a commit appends the command's events with the rows the queries need (tasks, jobs,
/// subscriptions), guarded by the instance's version so a concurrent command makes this one re-run.
/// </summary>
public sealed partial class SqlWorkflowStore(IDbConnectionFactory connections) : IWorkflowStore
{
    private const string ProcessColumns = """
        process_id AS ProcessId, version AS Version, deployment_id AS DeploymentId, resource_name AS ResourceName,
        content_hash AS ContentHash, xml AS Xml, deployed_at AS DeployedAt, message_start_names AS MessageStartNames,
        signal_start_names AS SignalStartNames
        """;

    private const string DecisionColumns = """
        d.definitions_id AS DefinitionsId, d.version AS Version, d.deployment_id AS DeploymentId, d.resource_name AS ResourceName,
        d.content_hash AS ContentHash, d.xml AS Xml, d.deployed_at AS DeployedAt, d.decision_ids AS DecisionIds
        """;

    /// <summary>Deployed versions never change, so each is read once: a start looks up only the latest version number.</summary>
    private readonly ConcurrentDictionary<(string ProcessId, int Version), ProcessDefinitionRecord> processes = new();

    public SqlDialect Dialect => connections.Dialect;

    /// <summary>The database this store works on, for the components that share it (job failures).</summary>
    internal IDbConnectionFactory Connections => connections;

    public ProcessDefinitionRecord? FindProcess(string processId, int? version = null)
    {
        if (version is { } known && processes.TryGetValue((processId, known), out var cached))
        {
            return cached;
        }

        using var connection = connections.Open();
        var v = version ?? PositionalSql.Query(
            connection, "SELECT MAX(version) FROM process_definitions WHERE process_id = $1", [processId], c => c(0) is { } max ? Convert.ToInt64(max, CultureInfo.InvariantCulture) : (long?)null)[0];
        if (v is not { } wanted)
        {
            return null;
        }

        if (processes.TryGetValue((processId, (int)wanted), out cached))
        {
            return cached;
        }

        var row = connection.QuerySingleOrDefault<ProcessRow>(
            $"SELECT {ProcessColumns} FROM process_definitions WHERE process_id = @processId AND version = @wanted", new { processId, wanted });
        return row is null ? null : processes.GetOrAdd((processId, (int)wanted), row.ToRecord());
    }

    public IReadOnlyList<ProcessDefinitionRecord> LatestProcesses()
    {
        using var connection = connections.Open();
        return connection.Query<ProcessRow>(
            $"""
            SELECT {ProcessColumns} FROM process_definitions p
            WHERE version = (SELECT MAX(version) FROM process_definitions q WHERE q.process_id = p.process_id)
            ORDER BY process_id
            """).Select(r => r.ToRecord()).ToList();
    }

    public DecisionDefinitionRecord? FindDecisionResource(string decisionId)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<DecisionRow>(
            $"""
            SELECT {DecisionColumns} FROM decision_definitions d
            JOIN decision_definition_decisions x ON x.definitions_id = d.definitions_id AND x.version = d.version
            WHERE x.decision_id = @decisionId
              AND d.version = (SELECT MAX(version) FROM decision_definitions m WHERE m.definitions_id = d.definitions_id)
            ORDER BY d.deployed_at DESC, d.definitions_id
            LIMIT 1
            """,
            new { decisionId })?.ToRecord();
    }

    public DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null)
    {
        using var connection = connections.Open();
        var row = version is { } v
            ? connection.QuerySingleOrDefault<DecisionRow>(
                $"SELECT {DecisionColumns} FROM decision_definitions d WHERE d.definitions_id = @definitionsId AND d.version = @v", new { definitionsId, v })
            : connection.QuerySingleOrDefault<DecisionRow>(
                $"SELECT {DecisionColumns} FROM decision_definitions d WHERE d.definitions_id = @definitionsId ORDER BY d.version DESC LIMIT 1", new { definitionsId });
        return row?.ToRecord();
    }

    /// <summary>
    /// The version and the history in one statement, so both come from one snapshot: a command that commits in between
    /// cannot pair stale history with a newer version (the commit would then overwrite events it never saw).
    /// </summary>
    public StoredInstance? LoadInstance(Guid instanceId)
    {
        const string Sql = """
            SELECT i.version, h.kind, h.payload FROM workflow_instances i
            LEFT JOIN history_events h ON h.instance_id = i.id
            WHERE i.id = $1
            ORDER BY h.sequence
            """;
        long? version = null;
        var history = new List<HistoryEvent>();
        using var connection = connections.Open();
        PositionalSql.ForEach(connection, Sql, [Id(instanceId)], column =>
        {
            version = Convert.ToInt64(column(0), CultureInfo.InvariantCulture);
            if (column(1) is string kind)
            {
                history.Add(WorkflowJson.Deserialize(kind, (string)column(2)!));
            }
        });

        return version is { } current ? new StoredInstance(InstanceReplay.StateAt(history), current) : null;
    }

    public IReadOnlyList<HistoryEvent> ReadHistory(Guid instanceId)
    {
        using var connection = connections.Open();
        return connection.Query<(string Kind, string Payload)>(
                "SELECT kind, payload FROM history_events WHERE instance_id = @id ORDER BY sequence", new { id = Id(instanceId) })
            .Select(row => WorkflowJson.Deserialize(row.Kind, row.Payload))
            .ToList();
    }

    /// <summary>
    /// <c>column IN (list)</c>: Dapper expands a list parameter into one parameter per item on SQLite, but passes it to
    /// Npgsql as one array, which PostgreSQL matches with <c>= ANY</c>.
    /// </summary>
    private string InList(string column, string parameter) => connections.Dialect == SqlDialect.Postgres
        ? $"{column} = ANY(@{parameter})"
        : $"{column} IN @{parameter}";

    private static string Id(Guid id) => id.ToString("D");

    private static string? Id(Guid? id) => id?.ToString("D");

    private object? Instant(DateTimeOffset? value) => SqlValues.Instant(connections.Dialect, value);

    private static DateTimeOffset ReadRequiredInstant(object? column) =>
        SqlValues.ReadInstant(column) ?? throw new InvalidOperationException("A required time column is null.");

    private sealed class ProcessRow
    {
        public string ProcessId { get; set; } = "";

        public long Version { get; set; }

        public string DeploymentId { get; set; } = "";

        public string ResourceName { get; set; } = "";

        public string ContentHash { get; set; } = "";

        public string Xml { get; set; } = "";

        public object? DeployedAt { get; set; }

        public string MessageStartNames { get; set; } = "[]";

        public string SignalStartNames { get; set; } = "[]";

        public ProcessDefinitionRecord ToRecord() => new()
        {
            ProcessId = ProcessId,
            Version = (int)Version,
            DeploymentId = Guid.Parse(DeploymentId),
            ResourceName = ResourceName,
            ContentHash = ContentHash,
            Xml = Xml,
            DeployedAt = ReadRequiredInstant(DeployedAt),
            MessageStartNames = WorkflowJson.Deserialize<string[]>(MessageStartNames),
            SignalStartNames = WorkflowJson.Deserialize<string[]>(SignalStartNames),
        };
    }

    private sealed class DecisionRow
    {
        public string DefinitionsId { get; set; } = "";

        public long Version { get; set; }

        public string DeploymentId { get; set; } = "";

        public string ResourceName { get; set; } = "";

        public string ContentHash { get; set; } = "";

        public string Xml { get; set; } = "";

        public object? DeployedAt { get; set; }

        public string DecisionIds { get; set; } = "[]";

        public DecisionDefinitionRecord ToRecord() => new()
        {
            DefinitionsId = DefinitionsId,
            Version = (int)Version,
            DeploymentId = Guid.Parse(DeploymentId),
            ResourceName = ResourceName,
            ContentHash = ContentHash,
            Xml = Xml,
            DeployedAt = ReadRequiredInstant(DeployedAt),
            DecisionIds = WorkflowJson.Deserialize<string[]>(DecisionIds),
        };
    }
}
