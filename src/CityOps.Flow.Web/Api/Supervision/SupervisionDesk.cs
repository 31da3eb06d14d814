using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>
/// The supervision office's work (督办): the board of near-due and overdue cases, supervision notices issued by
/// supervisors and leaders, and decisions on extension requests. Everything is read within the caller's data scope
/// (<see cref="CaseScopes"/>); due states are <see cref="CaseDeadline.StateAt"/> on the district's working-time
/// calendar at the host's clock. The API and the portal page both act through this class.
/// </summary>
public sealed partial class SupervisionDesk(
    CaseRepository cases,
    CaseScopes scopes,
    OrgRepository org,
    UserRepository users,
    WorkingTimeCalendar calendar,
    WorkflowEngine engine,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<SupervisionDesk> logger)
{
    /// <summary>Who reads the board.</summary>
    public static IReadOnlyList<string> BoardRoles { get; } = [CityRoles.Dispatcher, CityRoles.Supervisor, CityRoles.Leader];

    /// <summary>Who may issue a supervision notice.</summary>
    public static IReadOnlyList<string> NoticeRoles { get; } = [CityRoles.Supervisor, CityRoles.Leader];

    /// <summary>Who decides extension requests (the lifecycle offers them to the <c>supervisors</c> group).</summary>
    public static IReadOnlyList<string> ExtensionRoles { get; } = [CityRoles.Supervisor];

    /// <summary>The longest notice text; a notice is an instruction, not a report.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>Audit details keep Chinese text as written, so an auditor reads the notice as it was sent.</summary>
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private const int CaseListLimit = 200;
    private const int EscalationLimit = 50;

    public async Task<SupervisionBoard> BoardAsync(ClaimsPrincipal user, BoardFilter filter, CancellationToken ct = default)
    {
        var scope = await scopes.ForAsync(user, ct);
        var now = clock.GetUtcNow();
        var names = await NamesAsync(ct);
        var watched = (await cases.ListRunningLimitsAsync(scope, ct: ct))
            .Select(limit => (Limit: limit, Standing: DueStanding.At(calendar, limit.LimitStart, limit.Case.DueAt!.Value, now)))
            .Where(x => x.Standing.NeedsAttention)
            .ToList();
        var escalations = await cases.ListRecentSupervisionNoticesAsync(scope, limit: EscalationLimit, ct: ct);
        // Notices on the watched cases were all issued after their limits started.
        var noticesByCase = watched.Count == 0
            ? Enumerable.Empty<SupervisionNoticeEntry>().ToLookup(n => n.Notice.CaseId)
            : (await cases.ListRecentSupervisionNoticesAsync(scope, since: watched.Min(x => x.Limit.LimitStart), limit: 10_000, ct: ct))
                .ToLookup(n => n.Notice.CaseId, StringComparer.Ordinal);

        var shown = watched
            .Where(x => filter.DepartmentId is null || x.Limit.Case.LeadDepartmentId == filter.DepartmentId)
            .Where(x => filter.StreetId is null || x.Limit.Case.StreetId == filter.StreetId)
            .Where(x => filter.State is null || x.Standing.State == filter.State)
            .OrderBy(x => x.Standing.WorkingTimeLeft)
            .ThenBy(x => x.Limit.Case.DueAt)
            .Take(CaseListLimit)
            .Select(x => Watched(x.Limit, x.Standing, names, noticesByCase[x.Limit.Case.Id].ToList()))
            .ToList();

        return new SupervisionBoard
        {
            Now = now,
            Filter = filter,
            NearDue = watched.Count(x => x.Standing.State == DueState.NearDue),
            Overdue = watched.Count(x => x.Standing.State == DueState.Overdue),
            ByDepartment = Counts(DueTally.By(watched, x => x.Limit.Case.LeadDepartmentId, x => x.Standing.State), names.Departments),
            ByStreet = Counts(DueTally.By(watched, x => x.Limit.Case.StreetId, x => x.Standing.State), names.Areas),
            Cases = shown,
            Escalations = await ViewsAsync(escalations, names, ct),
            Extensions = await ExtensionRequestsAsync(scope, names, ct),
        };
    }

    /// <summary>The supervision notices the caller may see, newest first: a handler's department sees those sent to it.</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(ClaimsPrincipal user, string? caseId, CancellationToken ct = default)
    {
        var scope = await scopes.ForAsync(user, ct);
        var names = await NamesAsync(ct);
        if (caseId is null)
        {
            return await ViewsAsync(await cases.ListRecentSupervisionNoticesAsync(scope, limit: EscalationLimit * 4, ct: ct), names, ct);
        }

        return await cases.GetAsync(caseId, scope, ct) is { } found
            ? await ViewsAsync(await cases.ListRecentSupervisionNoticesAsync(scope, limit: 1000, caseId: found.Id, ct: ct), names, ct)
            : [];
    }

    /// <summary>Finds a case in the caller's scope by id or by its number (<c>PJ-yyyyMMdd-NNNNNN</c>).</summary>
    public async Task<CaseRecord?> FindCaseAsync(ClaimsPrincipal user, string idOrNumber, CancellationToken ct = default)
    {
        var scope = await scopes.ForAsync(user, ct);
        var key = idOrNumber.Trim();
        if (await cases.GetAsync(key, scope, ct) is { } byId)
        {
            return byId;
        }

        var byNumber = await cases.SearchAsync(new CaseQuery { Keyword = key }, scope, pageSize: 2, ct: ct);
        return byNumber.Cases.FirstOrDefault(c => string.Equals(c.Number, key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Issues a supervision notice (督办) on a case in the caller's scope: a <see cref="CaseEventKind.SupervisionNoticeIssued"/>
    /// case event (refused, with the reason, when the case is not being worked), a stored notice to the lead department,
    /// and an audit entry. The notice's tier is where the case stands against its limit now.
    /// </summary>
    public async Task<SupervisionOutcome<IssuedNotice>> IssueNoticeAsync(ClaimsPrincipal user, string caseId, string? message, CancellationToken ct = default)
    {
        if (!NoticeRoles.Any(user.IsInRole))
        {
            return new SupervisionRefusal(StatusCodes.Status403Forbidden, "Not a supervisor",
                $"Only {string.Join(" and ", NoticeRoles)}s issue supervision notices.");
        }

        var scope = await scopes.ForAsync(user, ct);
        if (await cases.GetAsync(caseId, scope, ct) is not { } found)
        {
            return SupervisionRefusal.UnknownCase(caseId);
        }

        var text = message?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return SupervisionRefusal.Invalid("message", "is required: say what the department must do and by when");
        }

        if (text.Length > MaxMessageLength)
        {
            return SupervisionRefusal.Invalid("message", $"is {text.Length} characters; keep it to {MaxMessageLength}");
        }

        if (CaseTransitions.Apply(found.Status, CaseCommand.Supervise) is { Accepted: false } refused)
        {
            return new SupervisionRefusal(StatusCodes.Status409Conflict, "Not open for supervision", $"Case {found.Number}: {refused.Refusal}.");
        }

        var now = clock.GetUtcNow();
        var actor = UserId(user);
        var events = await cases.GetEventsAsync(found.Id, scope, ct);
        var start = events.FirstOrDefault(e => e.Kind == CaseEventKind.Dispatched)?.At;
        var state = CaseDeadline.StateAt(calendar, start, found.DueAt, now);
        var tier = state switch
        {
            DueState.Overdue => WarningTier.Overdue,
            // Near due is the escalation table's third tier (CaseDeadline.NearDueFraction).
            DueState.NearDue => WarningTier.Red,
            _ => WarningTier.None,
        };

        var appended = await cases.AppendEventAsync(found.Id, new CaseEvent(CaseEventKind.SupervisionNoticeIssued, now, actor, text), ct);
        if (!appended.Accepted)
        {
            return new SupervisionRefusal(StatusCodes.Status409Conflict, "Not open for supervision", $"Case {found.Number}: {appended.Refusal}.");
        }

        var notice = new SupervisionNotice
        {
            CaseId = found.Id,
            Tier = tier,
            IssuedAt = now,
            IssuedBy = actor,
            DepartmentId = found.LeadDepartmentId,
            Message = text,
        };
        var id = await cases.AddSupervisionNoticeAsync(notice, ct);
        await audit.AppendAsync(new AuditEvent
        {
            ActorUserId = actor,
            ActorRoles = Roles(user),
            Action = AuditAction.ForCase(CaseEventKind.SupervisionNoticeIssued),
            SubjectType = "case",
            SubjectId = found.Id,
            DetailsJson = JsonSerializer.Serialize(new { noticeId = id, number = found.Number, tier = tier.ToString(), dueState = state.ToString(), department = found.LeadDepartmentId, message = text }, AuditJson),
        }, ct);
        logger.LogWarning(
            "Supervision notice {NoticeId} on case {CaseNumber} ({DueState}) to department {DepartmentId} by {UserId}",
            id, found.Number, state, found.LeadDepartmentId, actor);

        var names = await NamesAsync(ct);
        return new IssuedNotice(
            NoticeView.Of(new SupervisionNoticeEntry(id, found.Number, notice), names.Department(found.LeadDepartmentId), user.FindFirstValue(CityClaimTypes.DisplayName) ?? user.Identity?.Name),
            (appended.Projection?.Status ?? found.Status).ToString(),
            state);
    }

    private WatchedCase Watched(CaseLimit limit, DueStanding standing, OrgNames names, IReadOnlyList<SupervisionNoticeEntry> notices) => new()
    {
        CaseId = limit.Case.Id,
        Number = limit.Case.Number,
        CategoryCode = limit.Case.CategoryCode,
        Status = limit.Case.Status.ToString(),
        Description = limit.Case.Description,
        Address = limit.Case.Address,
        StreetId = limit.Case.StreetId,
        StreetName = names.Area(limit.Case.StreetId),
        DepartmentId = limit.Case.LeadDepartmentId,
        DepartmentName = names.Department(limit.Case.LeadDepartmentId),
        IsKeyCase = limit.Case.IsKeyCase,
        LimitStart = limit.LimitStart,
        DueAt = limit.Case.DueAt!.Value,
        DueState = standing.State,
        WorkingMinutesLeft = (long)Math.Round(standing.WorkingTimeLeft.TotalMinutes),
        WarningTier = WarningTold(limit.Case.ProcessInstanceId),
        HighestNoticeTier = notices.Count == 0 ? WarningTier.None : notices.Max(n => n.Notice.Tier),
        NoticeCount = notices.Count,
    };

    /// <summary>The highest warning the case's lifecycle instance has sent (its <c>warningTier</c> variable).</summary>
    private WarningTier WarningTold(string? processInstanceId) =>
        Guid.TryParse(processInstanceId, out var instanceId)
        && engine.FindInstance(instanceId) is { } state
        && state.Variables.TryGetValue(Engine.Runtime.State.ProcessInstanceState.RootTokenId, out var root)
        && Enum.TryParse<WarningTier>(root.GetValueOrDefault("warningTier")?.ToString(), ignoreCase: true, out var tier)
            ? tier
            : WarningTier.None;

    /// <summary>The notices as lists show them, with the issuer's display name (the id stays for the record).</summary>
    private async Task<IReadOnlyList<NoticeView>> ViewsAsync(IReadOnlyList<SupervisionNoticeEntry> notices, OrgNames names, CancellationToken ct)
    {
        var issuers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var issuer in notices.Select(n => n.Notice.IssuedBy).Where(id => id != "system").Distinct())
        {
            issuers[issuer] = (await users.FindByIdAsync(issuer, ct))?.DisplayName;
        }

        return [.. notices.Select(n => NoticeView.Of(n, names.Department(n.Notice.DepartmentId), issuers.GetValueOrDefault(n.Notice.IssuedBy)))];
    }

    private static IReadOnlyList<DueCount> Counts(IReadOnlyList<DueTally> tallies, IReadOnlyDictionary<string, (string Name, string NameEn)> names) =>
        [.. tallies.Select(t => new DueCount(t.Key, t.Key is { } key && names.TryGetValue(key, out var name) ? OrgNames.InCulture(name) : null, t.NearDue, t.Overdue))];

    private async Task<OrgNames> NamesAsync(CancellationToken ct)
    {
        var departments = await org.ListDepartmentsAsync(ct);
        var areas = await org.ListAreasAsync(ct);
        return new OrgNames(
            departments.ToDictionary(d => d.Id, d => (d.Name, d.NameEn), StringComparer.Ordinal),
            areas.ToDictionary(a => a.Id, a => (a.Name, a.NameEn), StringComparer.Ordinal));
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";

    private static IReadOnlyList<string> Roles(ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    private sealed record OrgNames(
        IReadOnlyDictionary<string, (string Name, string NameEn)> Departments,
        IReadOnlyDictionary<string, (string Name, string NameEn)> Areas)
    {
        public string? Department(string? id) => id is not null && Departments.TryGetValue(id, out var name) ? InCulture(name) : null;

        public string? Area(string? id) => id is not null && Areas.TryGetValue(id, out var name) ? InCulture(name) : null;

        /// <summary>The English name for an English-speaking caller (request culture), the Chinese one otherwise.</summary>
        public static string InCulture((string Name, string NameEn) name) =>
            System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && name.NameEn.Length > 0 ? name.NameEn : name.Name;
    }
}
