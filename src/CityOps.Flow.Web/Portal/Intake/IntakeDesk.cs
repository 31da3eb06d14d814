using System.Globalization;
using System.Security.Claims;
using CityOps.Flow.Cases.Attachments;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Org;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>
/// The hotline operator's desk behind the intake page: recognising the category typed, placing the address, offering
/// open cases of the category nearby, and filing the call as a hotline report through <see cref="CaseIntake"/>
/// (a new case, or the case the operator chose to join), with its photos.
/// </summary>
public sealed class IntakeDesk(
    CategoryCatalog catalog,
    CityAddresses addresses,
    CityAreasSource areas,
    CaseRepository cases,
    CaseScopes scopes,
    CaseIntake intake,
    CaseAttachments photos,
    TimeProvider clock)
{
    /// <summary>Open cases this close are offered to join; beyond the automatic clustering distance a person decides.</summary>
    public const int NearbyMetres = 500;

    /// <summary>How far back nearby cases are looked for.</summary>
    public static readonly TimeSpan NearbyWindow = TimeSpan.FromDays(30);

    private const int NearbyShown = 5;

    public CategoryCatalog Catalog => catalog;

    /// <summary>Every reportable category with its class, as the type-ahead offers them (<c>0109 路灯损坏</c>).</summary>
    public IEnumerable<(Category Class, Category Category)> Choices() =>
        catalog.Classes.SelectMany(c => catalog.SubclassesOf(c.Code).Select(sub => (c, sub)));

    /// <summary>The text a category is offered and shown as.</summary>
    public static string Label(Category category, CultureInfo culture) => $"{category.Code} {category.NameFor(culture)}";

    /// <summary>The reportable category the text names: a picked label, a bare code, or a subclass name in either language.</summary>
    public Category? FindCategory(string? text)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        var code = typed.Split(' ', 2)[0];
        if (catalog.Find(code) is { IsClass: false } byCode)
        {
            return byCode;
        }

        return Choices().Select(c => c.Category).FirstOrDefault(c =>
            string.Equals(c.NameZh, typed, StringComparison.Ordinal) || string.Equals(c.NameEn, typed, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IntakeLookup> LookupAsync(string? categoryText, string? address, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var category = FindCategory(categoryText);
        if (string.IsNullOrWhiteSpace(address))
        {
            return new IntakeLookup { HasCategory = category is not null };
        }

        var suggestions = await addresses.SuggestAsync(address, 8, ct);
        var resolved = await addresses.ResolveAsync(address, ct);
        if (!resolved.IsResolved || resolved.Placement is null || resolved.Point is not { } point)
        {
            return new IntakeLookup { AddressProblem = resolved.Problem, Suggestions = suggestions, HasCategory = category is not null };
        }

        var tree = (await areas.GetAsync(ct)).Tree;
        var placement = resolved.Placement;
        var place = new IntakePlaceView(
            resolved.MatchedName!,
            resolved.Precision!.Value,
            resolved.Note,
            placement.StreetId is { } s ? tree.Find(s) : null,
            placement.CommunityId is { } c ? tree.Find(c) : null,
            placement.GridId is { } g ? tree.Find(g) : null);
        var nearby = category is null ? [] : await NearbyAsync(category.Code, point, user, ct);
        return new IntakeLookup { Place = place, Suggestions = suggestions, Nearby = nearby, HasCategory = true };
    }

    /// <summary>Checks the form field by field (photos included), then files it; nothing is stored unless all of it is acceptable.</summary>
    public async Task<IntakeSubmission> SubmitAsync(IntakeInput input, IReadOnlyList<IFormFile> files, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var errors = new List<IntakeFieldError>();
        var category = FindCategory(input.Category);
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.Category), "Error.CategoryRequired"));
        }
        else if (category is null)
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.Category), "Error.CategoryUnknown", input.Category.Trim()));
        }

        if (catalog.FindRequestKind(input.RequestKind) is null)
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.RequestKind), "Error.RequestKindRequired"));
        }

        // A form from before the field existed posts none: the call is then as serious as most.
        var severity = Severity.Normal;
        if (!string.IsNullOrWhiteSpace(input.Severity) && !SeverityCode.TryParse(input.Severity.Trim().ToLowerInvariant(), out severity))
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.Severity), "Error.SeverityUnknown", input.Severity));
        }

        AddressResolution? resolved = null;
        if (string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.Address), "Error.AddressRequired"));
        }
        else if ((resolved = await addresses.ResolveAsync(input.Address, ct)) is { IsResolved: false })
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.Address), "Error.AddressUnknown", resolved.Problem));
        }

        PhoneNumber? phone = null;
        if (string.IsNullOrWhiteSpace(input.CallerPhone))
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.CallerPhone), "Error.PhoneRequired"));
        }
        else if (!PhoneNumber.TryParse(input.CallerPhone, out phone, out var phoneProblem))
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.CallerPhone), "Error.PhoneInvalid", phoneProblem));
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(new IntakeFieldError(nameof(IntakeInput.Description), "Error.DescriptionRequired"));
        }

        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > CaseAttachments.MaxPerUpload)
        {
            errors.Add(new IntakeFieldError("Photos", "Error.TooManyPhotos", CaseAttachments.MaxPerUpload.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            foreach (var file in chosen)
            {
                if (await photos.InspectAsync(file, ct) is { } refusal)
                {
                    errors.Add(new IntakeFieldError("Photos", "Error.PhotoRefused", refusal));
                }
            }
        }

        if (errors.Count > 0)
        {
            return IntakeSubmission.Refused(errors);
        }

        var precise = resolved!.Precision is AddressPrecision.Doorplate or AddressPrecision.HouseNumber or AddressPrecision.Place;
        var operatorId = user.Identity?.Name ?? "operator";
        var sourceId = string.IsNullOrWhiteSpace(input.SourceId) ? IntakeInput.NewSourceId(clock.GetUtcNow()) : input.SourceId.Trim();
        var report = new IntakeReport
        {
            Channel = Channel.Hotline,
            SourceId = sourceId,
            CategoryCode = category!.Code,
            Description = input.Description.Trim(),
            Location = new ReportLocation
            {
                Address = input.Address.Trim(),
                Point = precise ? resolved.Point : null,
                AreaId = resolved.Placement!.AreaId,
            },
            Reporter = new Reporter { Name = string.IsNullOrWhiteSpace(input.CallerName) ? null : input.CallerName.Trim(), Phone = phone },
            ReceivedAt = clock.GetUtcNow(),
            RequestKind = input.RequestKind,
            Severity = severity,
            Details = new HotlineCallDetails { CallId = sourceId, OperatorId = operatorId },
        };
        var outcome = string.IsNullOrWhiteSpace(input.JoinCaseId)
            ? await intake.ReceiveAsync(report, operatorId, ct)
            : await intake.JoinAsync(report, input.JoinCaseId, operatorId, ct);
        if (outcome.Case is not { } filed)
        {
            return IntakeSubmission.Refused([.. outcome.Problems.Select(p => new IntakeFieldError(FieldOf(p.Field), "Error.Refused", p.ToString()))]);
        }

        foreach (var file in chosen)
        {
            var saved = await photos.SaveAsync(filed.Id, operatorId, file, ct: ct);
            if (saved.Problem is { } problem)
            {
                // Checked above; only a race (the case closed meanwhile) gets here, and the case stands without it.
                return new IntakeSubmission(filed, outcome.Kind, [new IntakeFieldError("Photos", "Error.PhotoRefused", problem.Message)]);
            }
        }

        return new IntakeSubmission(filed, outcome.Kind, []);
    }

    private async Task<IReadOnlyList<NearbyCase>> NearbyAsync(string categoryCode, GeoPoint point, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(user, ct);
        var near = await cases.ListOpenNearAsync(categoryCode, point, NearbyMetres, clock.GetUtcNow() - NearbyWindow, scope, NearbyShown, ct);
        return [.. near.Select(n => new NearbyCase(n.Case, (int)Math.Round(n.DistanceMetres)))];
    }

    private static string FieldOf(string field) => field switch
    {
        "categoryCode" => nameof(IntakeInput.Category),
        "requestKind" => nameof(IntakeInput.RequestKind),
        "description" => nameof(IntakeInput.Description),
        "reporter.name" => nameof(IntakeInput.CallerName),
        "reporter.phone" => nameof(IntakeInput.CallerPhone),
        "caseId" => nameof(IntakeInput.JoinCaseId),
        _ when field.StartsWith("location", StringComparison.Ordinal) => nameof(IntakeInput.Address),
        _ => "Form",
    };
}
