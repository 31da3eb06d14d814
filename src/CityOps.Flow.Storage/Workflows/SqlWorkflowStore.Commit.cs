using System.Data.Common;
using System.Globalization;
using System.Text;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage;

public sealed partial class SqlWorkflowStore
{
    public CommitOutcome Commit(WorkflowCommit commit)
    {
        if (commit.IsEmpty)
        {
            return CommitOutcome.Committed;
        }

        using var connection = connections.Open();
        using var transaction = BeginWrite(connection);

        // Every instance row first: a version that moved on refuses the whole unit before anything else is written.
        foreach (var change in commit.Instances)
        {
            if (!AdvanceInstance(connection, transaction, change))
            {
                transaction.Rollback();
                return CommitOutcome.Conflict;
            }
        }

        foreach (var definition in commit.ProcessDefinitionsAdded)
        {
            AddProcess(connection, transaction, definition);
        }

        foreach (var definition in commit.DecisionDefinitionsAdded)
        {
            AddDecisions(connection, transaction, definition);
        }

        foreach (var change in commit.Instances)
        {
            ApplyRows(connection, transaction, change);
        }

        SaveJobs(connection, transaction, commit.DefinitionJobsSaved);
        Delete(connection, transaction, "jobs", commit.DefinitionJobsRemoved);
        SaveBufferedMessages(connection, transaction, commit.MessagesBuffered);
        Delete(connection, transaction, "buffered_messages", commit.BufferedMessagesConsumed);
        transaction.Commit();
        return CommitOutcome.Committed;
    }

    private bool AdvanceInstance(DbConnection connection, DbTransaction transaction, InstanceChange change)
    {
        var state = change.State;
        var parameters = new
        {
            id = Id(change.InstanceId),
            expected = change.ExpectedVersion,
            next = change.ExpectedVersion + 1,
            processId = state.ProcessId,
            processVersion = state.ProcessVersion,
            businessKey = state.BusinessKey,
            parentInstanceId = Id(state.ParentInstanceId),
            status = state.Status.ToString(),
            startedAt = Instant(state.StartedAt),
            endedAt = Instant(state.EndedAt),
        };

        var rows = change.ExpectedVersion == 0
            ? connection.Execute(
                """
                INSERT INTO workflow_instances (id, version, process_id, process_version, business_key, parent_instance_id, status, started_at, ended_at)
                VALUES (@id, @next, @processId, @processVersion, @businessKey, @parentInstanceId, @status, @startedAt, @endedAt)
                ON CONFLICT (id) DO NOTHING
                """,
                parameters,
                transaction)
            : connection.Execute(
                """
                UPDATE workflow_instances SET version = @next, status = @status, business_key = @businessKey, ended_at = @endedAt
                WHERE id = @id AND version = @expected
                """,
                parameters,
                transaction);
        return rows == 1;
    }

    private void AddProcess(DbConnection connection, DbTransaction transaction, ProcessDefinitionRecord definition) =>
        connection.Execute(
            """
            INSERT INTO process_definitions (process_id, version, deployment_id, resource_name, content_hash, xml, deployed_at,
                message_start_names, signal_start_names)
            VALUES (@ProcessId, @Version, @DeploymentId, @ResourceName, @ContentHash, @Xml, @DeployedAt, @MessageStartNames, @SignalStartNames)
            """,
            new
            {
                definition.ProcessId,
                definition.Version,
                DeploymentId = Id(definition.DeploymentId),
                definition.ResourceName,
                definition.ContentHash,
                definition.Xml,
                DeployedAt = Instant(definition.DeployedAt),
                MessageStartNames = WorkflowJson.Serialize(definition.MessageStartNames),
                SignalStartNames = WorkflowJson.Serialize(definition.SignalStartNames),
            },
            transaction);

    private void AddDecisions(DbConnection connection, DbTransaction transaction, DecisionDefinitionRecord definition)
    {
        connection.Execute(
            """
            INSERT INTO decision_definitions (definitions_id, version, deployment_id, resource_name, content_hash, xml, deployed_at, decision_ids)
            VALUES (@DefinitionsId, @Version, @DeploymentId, @ResourceName, @ContentHash, @Xml, @DeployedAt, @DecisionIds)
            """,
            new
            {
                definition.DefinitionsId,
                definition.Version,
                DeploymentId = Id(definition.DeploymentId),
                definition.ResourceName,
                definition.ContentHash,
                definition.Xml,
                DeployedAt = Instant(definition.DeployedAt),
                DecisionIds = WorkflowJson.Serialize(definition.DecisionIds),
            },
            transaction);
        connection.Execute(
            "INSERT INTO decision_definition_decisions (decision_id, definitions_id, version) VALUES (@decisionId, @definitionsId, @version)",
            definition.DecisionIds.Distinct(StringComparer.Ordinal)
                .Select(decisionId => new { decisionId, definitionsId = definition.DefinitionsId, version = definition.Version }),
            transaction);
    }

    private void ApplyRows(DbConnection connection, DbTransaction transaction, InstanceChange change)
    {
        AppendHistory(connection, transaction, change);
        SaveTasks(connection, transaction, change.TasksSaved, CreatedTasks(change));
        Delete(connection, transaction, "user_tasks", change.TasksRemoved);
        SaveJobs(connection, transaction, change.JobsSaved);
        Delete(connection, transaction, "jobs", change.JobsRemoved);
        SaveMessageSubscriptions(connection, transaction, change.MessageSubscriptionsOpened);
        Delete(connection, transaction, "message_subscriptions", change.MessageSubscriptionsClosed);
        SaveSignalSubscriptions(connection, transaction, change.SignalSubscriptionsOpened);
        Delete(connection, transaction, "signal_subscriptions", change.SignalSubscriptionsClosed);
    }

    /// <summary>
    /// Appends the command's events. PostgreSQL takes them in multi-row INSERTs: a command writes a dozen or more
    /// events, and one round trip per chunk instead of per event is most of a commit's time there. SQLite has no round
    /// trips, and re-running one prepared single-row INSERT is cheaper than parsing a new multi-row statement
    /// each time.
    /// </summary>
    private void AppendHistory(DbConnection connection, DbTransaction transaction, InstanceChange change)
    {
        if (change.Events.Count == 0)
        {
            return;
        }

        if (connection is SqliteConnection sqlite)
        {
            AppendHistory(sqlite, (SqliteTransaction)transaction, change);
            return;
        }

        const int RowsPerStatement = 100;
        var instanceId = Id(change.InstanceId);
        foreach (var chunk in change.Events.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO history_events (instance_id, sequence, kind, time, actor, element_id, payload) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("instanceId", instanceId);
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@instanceId, @s{i}, @k{i}, @t{i}, @a{i}, @e{i}, @p{i})");
                parameters.Add($"s{i}", e.Sequence);
                parameters.Add($"k{i}", e.Kind);
                parameters.Add($"t{i}", Instant(e.Time));
                parameters.Add($"a{i}", e.Actor);
                parameters.Add($"e{i}", e.ElementId);
                parameters.Add($"p{i}", WorkflowJson.Serialize(e));
            }

            connection.Execute(sql.ToString(), parameters, transaction);
        }
    }

    private void AppendHistory(SqliteConnection connection, SqliteTransaction transaction, InstanceChange change)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO history_events (instance_id, sequence, kind, time, actor, element_id, payload) VALUES ($i, $s, $k, $t, $a, $e, $p)";
        insert.Parameters.AddWithValue("$i", Id(change.InstanceId));
        var sequence = insert.Parameters.Add("$s", SqliteType.Integer);
        var kind = insert.Parameters.Add("$k", SqliteType.Text);
        var time = insert.Parameters.Add("$t", SqliteType.Text);
        var actor = insert.Parameters.Add("$a", SqliteType.Text);
        var element = insert.Parameters.Add("$e", SqliteType.Text);
        var payload = insert.Parameters.Add("$p", SqliteType.Text);
        insert.Prepare();
        foreach (var e in change.Events)
        {
            sequence.Value = e.Sequence;
            kind.Value = e.Kind;
            time.Value = Instant(e.Time);
            actor.Value = e.Actor;
            element.Value = (object?)e.ElementId ?? DBNull.Value;
            payload.Value = WorkflowJson.Serialize(e);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The tasks this change creates: they have no candidate rows yet, so there are none to clear.</summary>
    private static HashSet<Guid> CreatedTasks(InstanceChange change) =>
        change.Events.OfType<UserTaskCreated>().Select(e => e.Task.Id).ToHashSet();

    private void SaveTasks(DbConnection connection, DbTransaction transaction, IReadOnlyList<UserTaskRecord> tasks, HashSet<Guid> created)
    {
        if (tasks.Count == 0)
        {
            return;
        }

        connection.Execute(
            """
            INSERT INTO user_tasks (id, instance_id, token_id, element_id, process_id, process_version, name, assignee,
                candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key, created_at)
            VALUES (@id, @instanceId, @tokenId, @elementId, @processId, @processVersion, @name, @assignee,
                @candidateGroups, @candidateUsers, @dueDate, @followUpDate, @priority, @formKey, @createdAt)
            ON CONFLICT (id) DO UPDATE SET token_id = excluded.token_id, element_id = excluded.element_id, name = excluded.name,
                assignee = excluded.assignee, candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
                due_date = excluded.due_date, follow_up_date = excluded.follow_up_date, priority = excluded.priority,
                form_key = excluded.form_key
            """,
            tasks.Select(t => new
            {
                id = Id(t.Id),
                instanceId = Id(t.InstanceId),
                tokenId = t.TokenId,
                elementId = t.ElementId,
                processId = t.ProcessId,
                processVersion = t.ProcessVersion,
                name = t.Name,
                assignee = t.Assignee,
                candidateGroups = WorkflowJson.Serialize(t.CandidateGroups),
                candidateUsers = WorkflowJson.Serialize(t.CandidateUsers),
                dueDate = Instant(t.DueDate),
                followUpDate = Instant(t.FollowUpDate),
                priority = t.Priority,
                formKey = t.FormKey,
                createdAt = Instant(t.CreatedAt),
            }),
            transaction);

        var ids = tasks.Where(t => !created.Contains(t.Id)).Select(t => Id(t.Id)).ToArray();
        if (ids.Length > 0)
        {
            connection.Execute($"DELETE FROM user_task_candidate_groups WHERE {InList("task_id", "ids")}", new { ids }, transaction);
            connection.Execute($"DELETE FROM user_task_candidate_users WHERE {InList("task_id", "ids")}", new { ids }, transaction);
        }

        connection.Execute(
            "INSERT INTO user_task_candidate_groups (group_name, task_id) VALUES (@name, @taskId)",
            tasks.SelectMany(t => t.CandidateGroups.Distinct(StringComparer.Ordinal).Select(name => new { name, taskId = Id(t.Id) })),
            transaction);
        connection.Execute(
            "INSERT INTO user_task_candidate_users (user_id, task_id) VALUES (@name, @taskId)",
            tasks.SelectMany(t => t.CandidateUsers.Distinct(StringComparer.Ordinal).Select(name => new { name, taskId = Id(t.Id) })),
            transaction);
    }

    private void SaveJobs(DbConnection connection, DbTransaction transaction, IReadOnlyList<JobRecord> jobs)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        connection.Execute(
            """
            INSERT INTO jobs (id, kind, due_at, element_id, instance_id, token_id, process_id, process_version, timer_kind, timer_text,
                remaining_repetitions, lock_owner, lock_expires_at)
            VALUES (@id, @kind, @dueAt, @elementId, @instanceId, @tokenId, @processId, @processVersion, @timerKind, @timerText,
                @remainingRepetitions, @lockOwner, @lockExpiresAt)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, element_id = excluded.element_id,
                instance_id = excluded.instance_id, token_id = excluded.token_id, process_id = excluded.process_id,
                process_version = excluded.process_version, timer_kind = excluded.timer_kind, timer_text = excluded.timer_text,
                remaining_repetitions = excluded.remaining_repetitions, lock_owner = excluded.lock_owner,
                lock_expires_at = excluded.lock_expires_at
            """,
            jobs.Select(j => new
            {
                id = Id(j.Id),
                kind = j.Kind.ToString(),
                dueAt = Instant(j.DueAt),
                elementId = j.ElementId,
                instanceId = Id(j.InstanceId),
                tokenId = j.TokenId,
                processId = j.ProcessId,
                processVersion = j.ProcessVersion,
                timerKind = j.TimerKind.ToString(),
                timerText = j.TimerText,
                remainingRepetitions = j.RemainingRepetitions,
                lockOwner = j.LockOwner,
                lockExpiresAt = Instant(j.LockExpiresAt),
            }),
            transaction);
    }

    private void SaveMessageSubscriptions(DbConnection connection, DbTransaction transaction, IReadOnlyList<MessageSubscriptionRecord> subscriptions) =>
        connection.Execute(
            """
            INSERT INTO message_subscriptions (id, instance_id, token_id, element_id, message_name, correlation_key, opened_at)
            VALUES (@id, @instanceId, @tokenId, @elementId, @messageName, @correlationKey, @openedAt)
            ON CONFLICT (id) DO UPDATE SET token_id = excluded.token_id, element_id = excluded.element_id,
                message_name = excluded.message_name, correlation_key = excluded.correlation_key, opened_at = excluded.opened_at
            """,
            subscriptions.Select(s => new
            {
                id = Id(s.Id),
                instanceId = Id(s.InstanceId),
                tokenId = s.TokenId,
                elementId = s.ElementId,
                messageName = s.MessageName,
                correlationKey = s.CorrelationKey,
                openedAt = Instant(s.OpenedAt),
            }),
            transaction);

    private static void SaveSignalSubscriptions(DbConnection connection, DbTransaction transaction, IReadOnlyList<SignalSubscriptionRecord> subscriptions) =>
        connection.Execute(
            """
            INSERT INTO signal_subscriptions (id, instance_id, token_id, element_id, signal_name)
            VALUES (@id, @instanceId, @tokenId, @elementId, @signalName)
            ON CONFLICT (id) DO UPDATE SET token_id = excluded.token_id, element_id = excluded.element_id, signal_name = excluded.signal_name
            """,
            subscriptions.Select(s => new
            {
                id = Id(s.Id),
                instanceId = Id(s.InstanceId),
                tokenId = s.TokenId,
                elementId = s.ElementId,
                signalName = s.SignalName,
            }),
            transaction);

    private void SaveBufferedMessages(DbConnection connection, DbTransaction transaction, IReadOnlyList<BufferedMessage> messages) =>
        connection.Execute(
            """
            INSERT INTO buffered_messages (id, message_name, correlation_key, variables, published_at, expires_at)
            VALUES (@id, @messageName, @correlationKey, @variables, @publishedAt, @expiresAt)
            ON CONFLICT (id) DO UPDATE SET variables = excluded.variables, expires_at = excluded.expires_at
            """,
            messages.Select(m => new
            {
                id = Id(m.Id),
                messageName = m.MessageName,
                correlationKey = m.CorrelationKey,
                variables = WorkflowJson.Serialize(m.Variables),
                publishedAt = Instant(m.PublishedAt),
                expiresAt = Instant(m.ExpiresAt),
            }),
            transaction);

    private void Delete(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<Guid> ids)
    {
        if (ids.Count > 0)
        {
            connection.Execute($"DELETE FROM {table} WHERE {InList("id", "ids")}", new { ids = ids.Select(Id).ToArray() }, transaction);
        }
    }
}
