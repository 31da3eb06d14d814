using System.Data.Common;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityOps.Flow.Storage;

/// <summary>
/// A commit is written as a list of positional statements (<c>$1</c>, <c>$2</c>…) built once for both dialects:
/// SQLite runs them on statements prepared once per connection, PostgreSQL sends them in one batch.
/// </summary>
public sealed partial class SqlWorkflowStore
{
    private const string InsertInstanceSql = """
        INSERT INTO workflow_instances (id, version, process_id, process_version, business_key, parent_instance_id, status, started_at, ended_at)
        VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8)
        """;

    private const string InsertTaskSql = """
        INSERT INTO user_tasks (id, instance_id, token_id, element_id, process_id, process_version, name, assignee,
            candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (id) DO UPDATE SET token_id = excluded.token_id, element_id = excluded.element_id, name = excluded.name,
            assignee = excluded.assignee, candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
            due_date = excluded.due_date, follow_up_date = excluded.follow_up_date, priority = excluded.priority,
            form_key = excluded.form_key
        """;

    private const string InsertJobSql = """
        INSERT INTO jobs (id, kind, due_at, element_id, instance_id, token_id, process_id, process_version, timer_kind, timer_text,
            remaining_repetitions, lock_owner, lock_expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, element_id = excluded.element_id,
            instance_id = excluded.instance_id, token_id = excluded.token_id, process_id = excluded.process_id,
            process_version = excluded.process_version, timer_kind = excluded.timer_kind, timer_text = excluded.timer_text,
            remaining_repetitions = excluded.remaining_repetitions, lock_owner = excluded.lock_owner,
            lock_expires_at = excluded.lock_expires_at
        """;

    /// <summary>How many times a commit is tried while the database reports itself busy.</summary>
    public const int BusyCommitAttempts = 3;

    public CommitOutcome Commit(WorkflowCommit commit)
    {
        if (commit.IsEmpty)
        {
            return CommitOutcome.Committed;
        }

        var rows = new List<SqlStatement>();
        foreach (var definition in commit.ProcessDefinitionsAdded)
        {
            AddProcess(rows, definition);
        }

        foreach (var definition in commit.DecisionDefinitionsAdded)
        {
            AddDecisions(rows, definition);
        }

        foreach (var change in commit.Instances)
        {
            ApplyRows(rows, change);
        }

        SaveJobs(rows, commit.DefinitionJobsSaved);
        Delete(rows, "jobs", commit.DefinitionJobsRemoved);
        SaveBufferedMessages(rows, commit.MessagesBuffered);
        Delete(rows, "buffered_messages", commit.BufferedMessagesConsumed);

        // A busy database rolled the whole commit back, so it is tried again a few times before the caller hears of it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = connections.Open();
                return connection switch
                {
                    SqliteConnection sqlite => CommitOnSqlite(sqlite, commit.Instances, rows),
                    NpgsqlConnection postgres => CommitOnPostgres(postgres, commit.Instances, rows),
                    _ => throw new NotSupportedException($"No commit for {connection.GetType().Name}."),
                };
            }
            catch (DbException e) when (attempt < BusyCommitAttempts && TransientStorageFailure.Is(e))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 30) << attempt));
            }
        }
    }

    private object?[] NewInstanceValues(InstanceChange change)
    {
        var state = change.State;
        return
        [
            Id(change.InstanceId), state.ProcessId, state.ProcessVersion, state.BusinessKey, Id(state.ParentInstanceId),
            state.Status.ToString(), Instant(state.StartedAt), Instant(state.EndedAt),
        ];
    }

    private void AddProcess(List<SqlStatement> rows, ProcessDefinitionRecord definition) =>
        rows.Add(new(
            """
            INSERT INTO process_definitions (process_id, version, deployment_id, resource_name, content_hash, xml, deployed_at,
                message_start_names, signal_start_names)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            [
                definition.ProcessId, definition.Version, Id(definition.DeploymentId), definition.ResourceName, definition.ContentHash,
                definition.Xml, Instant(definition.DeployedAt), WorkflowJson.Serialize(definition.MessageStartNames),
                WorkflowJson.Serialize(definition.SignalStartNames),
            ]));

    private void AddDecisions(List<SqlStatement> rows, DecisionDefinitionRecord definition)
    {
        rows.Add(new(
            """
            INSERT INTO decision_definitions (definitions_id, version, deployment_id, resource_name, content_hash, xml, deployed_at, decision_ids)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            [
                definition.DefinitionsId, definition.Version, Id(definition.DeploymentId), definition.ResourceName, definition.ContentHash,
                definition.Xml, Instant(definition.DeployedAt), WorkflowJson.Serialize(definition.DecisionIds),
            ]));
        foreach (var decisionId in definition.DecisionIds.Distinct(StringComparer.Ordinal))
        {
            rows.Add(new(
                "INSERT INTO decision_definition_decisions (decision_id, definitions_id, version) VALUES ($1, $2, $3)",
                [decisionId, definition.DefinitionsId, definition.Version]));
        }
    }

    private void ApplyRows(List<SqlStatement> rows, InstanceChange change)
    {
        AppendHistory(rows, change);
        SaveTasks(rows, change.TasksSaved, CreatedTasks(change));
        Delete(rows, "user_tasks", change.TasksRemoved);
        SaveJobs(rows, change.JobsSaved);
        Delete(rows, "jobs", change.JobsRemoved);
        SaveMessageSubscriptions(rows, change.MessageSubscriptionsOpened);
        Delete(rows, "message_subscriptions", change.MessageSubscriptionsClosed);
        SaveSignalSubscriptions(rows, change.SignalSubscriptionsOpened);
        Delete(rows, "signal_subscriptions", change.SignalSubscriptionsClosed);
    }

    /// <summary>
    /// The command's events. SQLite re-runs one prepared single-row INSERT (no round trips to save, and no new
    /// statement to parse); PostgreSQL takes them all in one INSERT over arrays, whose text never changes with the
    /// number of events, so the server keeps one prepared plan for it.
    /// </summary>
    private void AppendHistory(List<SqlStatement> rows, InstanceChange change)
    {
        if (change.Events.Count == 0)
        {
            return;
        }

        var instanceId = Id(change.InstanceId);
        if (connections.Dialect == SqlDialect.Sqlite)
        {
            foreach (var e in change.Events)
            {
                rows.Add(new(
                    "INSERT INTO history_events (instance_id, sequence, kind, time, actor, element_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    [instanceId, e.Sequence, e.Kind, Instant(e.Time), e.Actor, e.ElementId, WorkflowJson.Serialize(e)]));
            }

            return;
        }

        var events = change.Events;
        rows.Add(new(
            """
            INSERT INTO history_events (instance_id, sequence, kind, time, actor, element_id, payload)
            SELECT $1, e.* FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[]) AS e
            """,
            [
                instanceId,
                events.Select(e => e.Sequence).ToArray(),
                events.Select(e => e.Kind).ToArray(),
                events.Select(e => e.Time.ToUniversalTime()).ToArray(),
                events.Select(e => e.Actor).ToArray(),
                events.Select(e => e.ElementId).ToArray(),
                events.Select(WorkflowJson.Serialize).ToArray(),
            ]));
    }

    /// <summary>The tasks this change creates: they have no candidate rows yet, so there are none to clear.</summary>
    private static HashSet<Guid> CreatedTasks(InstanceChange change) =>
        change.Events.OfType<UserTaskCreated>().Select(e => e.Task.Id).ToHashSet();

    private void SaveTasks(List<SqlStatement> rows, IReadOnlyList<UserTaskRecord> tasks, HashSet<Guid> created)
    {
        foreach (var t in tasks)
        {
            var taskId = Id(t.Id);
            rows.Add(new(InsertTaskSql,
            [
                taskId, Id(t.InstanceId), t.TokenId, t.ElementId, t.ProcessId, t.ProcessVersion, t.Name, t.Assignee,
                WorkflowJson.Serialize(t.CandidateGroups), WorkflowJson.Serialize(t.CandidateUsers), Instant(t.DueDate),
                Instant(t.FollowUpDate), t.Priority, t.FormKey, Instant(t.CreatedAt),
            ]));

            if (!created.Contains(t.Id))
            {
                rows.Add(new("DELETE FROM user_task_candidate_groups WHERE task_id = $1", [taskId]));
                rows.Add(new("DELETE FROM user_task_candidate_users WHERE task_id = $1", [taskId]));
            }

            foreach (var group in t.CandidateGroups.Distinct(StringComparer.Ordinal))
            {
                rows.Add(new("INSERT INTO user_task_candidate_groups (group_name, task_id) VALUES ($1, $2)", [group, taskId]));
            }

            foreach (var user in t.CandidateUsers.Distinct(StringComparer.Ordinal))
            {
                rows.Add(new("INSERT INTO user_task_candidate_users (user_id, task_id) VALUES ($1, $2)", [user, taskId]));
            }
        }
    }

    private void SaveJobs(List<SqlStatement> rows, IReadOnlyList<JobRecord> jobs)
    {
        foreach (var j in jobs)
        {
            rows.Add(new(InsertJobSql,
            [
                Id(j.Id), j.Kind.ToString(), Instant(j.DueAt), j.ElementId, Id(j.InstanceId), j.TokenId, j.ProcessId, j.ProcessVersion,
                j.TimerKind.ToString(), j.TimerText, j.RemainingRepetitions, j.LockOwner, Instant(j.LockExpiresAt),
            ]));
        }
    }

    private void SaveMessageSubscriptions(List<SqlStatement> rows, IReadOnlyList<MessageSubscriptionRecord> subscriptions)
    {
        foreach (var s in subscriptions)
        {
            rows.Add(new(
                """
                INSERT INTO message_subscriptions (id, instance_id, token_id, element_id, message_name, correlation_key, opened_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (id) DO UPDATE SET token_id = excluded.token_id, element_id = excluded.element_id,
                    message_name = excluded.message_name, correlation_key = excluded.correlation_key, opened_at = excluded.opened_at
                """,
                [Id(s.Id), Id(s.InstanceId), s.TokenId, s.ElementId, s.MessageName, s.CorrelationKey, Instant(s.OpenedAt)]));
        }
    }

    private static void SaveSignalSubscriptions(List<SqlStatement> rows, IReadOnlyList<SignalSubscriptionRecord> subscriptions)
    {
        foreach (var s in subscriptions)
        {
            rows.Add(new(
                """
                INSERT INTO signal_subscriptions (id, instance_id, token_id, element_id, signal_name)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO UPDATE SET token_id = excluded.token_id, element_id = excluded.element_id, signal_name = excluded.signal_name
                """,
                [Id(s.Id), Id(s.InstanceId), s.TokenId, s.ElementId, s.SignalName]));
        }
    }

    private void SaveBufferedMessages(List<SqlStatement> rows, IReadOnlyList<BufferedMessage> messages)
    {
        foreach (var m in messages)
        {
            rows.Add(new(
                """
                INSERT INTO buffered_messages (id, message_name, correlation_key, variables, published_at, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (id) DO UPDATE SET variables = excluded.variables, expires_at = excluded.expires_at
                """,
                [Id(m.Id), m.MessageName, m.CorrelationKey, WorkflowJson.Serialize(m.Variables), Instant(m.PublishedAt), Instant(m.ExpiresAt)]));
        }
    }

    private static void Delete(List<SqlStatement> rows, string table, IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids)
        {
            rows.Add(new($"DELETE FROM {table} WHERE id = $1", [Id(id)]));
        }
    }
}
