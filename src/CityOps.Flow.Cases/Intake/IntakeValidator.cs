using System.Globalization;
using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Intake;

/// <summary>Checks a report against the catalogue and the intake rules; returns every problem, each naming its field.</summary>
public sealed class IntakeValidator(CategoryCatalog catalog, IntakeRules? rules = null)
{
    private readonly IntakeRules _rules = rules ?? IntakeRules.Default;

    /// <summary>Empty when the report is acceptable.</summary>
    public IReadOnlyList<IntakeProblem> Validate(IntakeReport report)
    {
        var problems = new List<IntakeProblem>();
        CheckSourceId(report, problems);
        CheckCategory(report, problems);
        CheckDescription(report, problems);
        CheckLocation(report.Location, problems);
        CheckReporter(report, problems);
        CheckTimes(report, problems);
        CheckPhotos(report, problems);
        CheckRequestKind(report, problems);
        CheckDetails(report, problems);
        if (report.Severity is { } severity && !Enum.IsDefined(severity))
        {
            problems.Add(new IntakeProblem("severity", "use minor, normal, major or critical"));
        }

        return problems;
    }

    private void CheckSourceId(IntakeReport report, List<IntakeProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(report.SourceId))
        {
            problems.Add(new IntakeProblem("sourceId", "is required: the sender's id for this report makes retries harmless"));
        }
        else if (report.SourceId.Length > _rules.MaxSourceIdLength)
        {
            problems.Add(new IntakeProblem("sourceId", $"is {report.SourceId.Length} characters long; at most {_rules.MaxSourceIdLength} are allowed"));
        }
        else if (report.SourceId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add(new IntakeProblem("sourceId", "may not contain spaces or control characters"));
        }
    }

    private void CheckCategory(IntakeReport report, List<IntakeProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(report.CategoryCode))
        {
            problems.Add(new IntakeProblem("categoryCode", "is required"));
            return;
        }

        switch (catalog.Find(report.CategoryCode))
        {
            case null:
                problems.Add(new IntakeProblem("categoryCode", $"'{report.CategoryCode}' is not in the category catalogue"));
                break;
            case { IsClass: true } category:
                var examples = string.Join(", ", catalog.SubclassesOf(category.Code).Take(3).Select(c => $"{c.Code} {c.NameZh}"));
                problems.Add(new IntakeProblem("categoryCode",
                    $"'{category.Code}' ({category.NameZh}) is a class; report one of its subclasses, e.g. {examples}"));
                break;
        }
    }

    private void CheckDescription(IntakeReport report, List<IntakeProblem> problems)
    {
        var typedByPerson = report.Channel is not (Channel.IotSensor or Channel.VideoAlarm);
        if (string.IsNullOrWhiteSpace(report.Description))
        {
            if (typedByPerson)
            {
                problems.Add(new IntakeProblem("description", "is required for reports made by a person"));
            }
        }
        else if (report.Description.Length > _rules.MaxDescriptionLength)
        {
            problems.Add(new IntakeProblem("description",
                $"is {report.Description.Length} characters long; at most {_rules.MaxDescriptionLength} are allowed"));
        }
    }

    private static void CheckLocation(ReportLocation? location, List<IntakeProblem> problems)
    {
        if (location is null || (location.Point is null && string.IsNullOrWhiteSpace(location.Address)))
        {
            problems.Add(new IntakeProblem("location", "give a position (latitude and longitude), an address, or both"));
            return;
        }

        if (location.Point is { } point)
        {
            if (!double.IsFinite(point.Latitude) || point.Latitude is < -90 or > 90)
            {
                problems.Add(new IntakeProblem("location.latitude", $"{Show(point.Latitude)} is outside -90 to 90"));
            }

            if (!double.IsFinite(point.Longitude) || point.Longitude is < -180 or > 180)
            {
                problems.Add(new IntakeProblem("location.longitude", $"{Show(point.Longitude)} is outside -180 to 180"));
            }
        }

        if (location.Address is { Length: > 300 })
        {
            problems.Add(new IntakeProblem("location.address", "is longer than 300 characters"));
        }
    }

    private static void CheckReporter(IntakeReport report, List<IntakeProblem> problems)
    {
        if (report.Channel == Channel.Hotline && report.Reporter?.Phone is null)
        {
            problems.Add(new IntakeProblem("reporter.phone", "is required on hotline reports: the hotline calls the citizen back"));
        }

        if (report.Reporter?.Name is { Length: > 50 })
        {
            problems.Add(new IntakeProblem("reporter.name", "is longer than 50 characters"));
        }
    }

    private void CheckTimes(IntakeReport report, List<IntakeProblem> problems)
    {
        if (report.ReceivedAt == default)
        {
            problems.Add(new IntakeProblem("receivedAt", "is required"));
            return;
        }

        if (report.OccurredAt is { } occurred && occurred > report.ReceivedAt + _rules.ClockSkew)
        {
            problems.Add(new IntakeProblem("occurredAt",
                $"{occurred:O} is after the report was received ({report.ReceivedAt:O}); check the sender's clock"));
        }
    }

    private void CheckPhotos(IntakeReport report, List<IntakeProblem> problems)
    {
        if (report.Photos.Count > _rules.MaxPhotos)
        {
            problems.Add(new IntakeProblem("photos", $"{report.Photos.Count} photos sent; at most {_rules.MaxPhotos} are allowed"));
        }

        for (var i = 0; i < report.Photos.Count; i++)
        {
            if (!Uri.TryCreate(report.Photos[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add(new IntakeProblem($"photos[{i}]", "must be an absolute http or https URL"));
            }
        }
    }

    private void CheckRequestKind(IntakeReport report, List<IntakeProblem> problems)
    {
        if (report.RequestKind is null)
        {
            if (report.Channel == Channel.Hotline)
            {
                var kinds = string.Join(", ", catalog.RequestKinds.Select(k => $"{k.Code} ({k.NameZh})"));
                problems.Add(new IntakeProblem("requestKind", $"is required on hotline reports: one of {kinds}"));
            }
        }
        else if (catalog.FindRequestKind(report.RequestKind) is null)
        {
            problems.Add(new IntakeProblem("requestKind", $"'{report.RequestKind}' is not a request kind"));
        }
    }

    private void CheckDetails(IntakeReport report, List<IntakeProblem> problems)
    {
        switch (report.Details)
        {
            case null when report.Channel != Channel.CitizenApp:
                problems.Add(new IntakeProblem("details", $"a {Describe(report.Channel)} report must carry its {Describe(report.Channel)} details"));
                return;
            case null:
                return;
            case { } details when details.Channel != report.Channel:
                problems.Add(new IntakeProblem("details",
                    $"a {Describe(report.Channel)} report cannot carry {Describe(details.Channel)} details"));
                return;
        }

        switch (report.Details)
        {
            case HotlineCallDetails call:
                Required(call.CallId, "details.callId", problems);
                Required(call.OperatorId, "details.operatorId", problems);
                break;
            case GridInspectionDetails inspection:
                Required(inspection.InspectorId, "details.inspectorId", problems);
                Required(inspection.GridId, "details.gridId", problems);
                break;
            case SensorAlarmDetails sensor:
                Required(sensor.SensorId, "details.sensorId", problems);
                Required(sensor.Metric, "details.metric", problems);
                if (!double.IsFinite(sensor.Reading))
                {
                    problems.Add(new IntakeProblem("details.reading", "must be a number"));
                }

                break;
            case VideoAlarmDetails video:
                Required(video.CameraId, "details.cameraId", problems);
                Required(video.Algorithm, "details.algorithm", problems);
                if (!double.IsFinite(video.Confidence) || video.Confidence is < 0 or > 1)
                {
                    problems.Add(new IntakeProblem("details.confidence", $"{Show(video.Confidence)} is outside 0 to 1"));
                }
                else if (video.Confidence < _rules.MinimumVideoConfidence)
                {
                    problems.Add(new IntakeProblem("details.confidence",
                        $"{Show(video.Confidence)} is below the {Show(_rules.MinimumVideoConfidence)} this district accepts from video alarms"));
                }

                break;
            case Open311Details open311:
                Required(open311.ServiceCode, "details.serviceCode", problems);
                break;
            case DoorplateScanDetails doorplate:
                Required(doorplate.DoorplateCode, "details.doorplateCode", problems);
                break;
        }
    }

    private static void Required(string? value, string field, List<IntakeProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new IntakeProblem(field, "is required"));
        }
    }

    private static string Describe(Channel channel) => channel switch
    {
        Channel.Hotline => "hotline",
        Channel.GridInspector => "grid-inspection",
        Channel.IotSensor => "sensor",
        Channel.VideoAlarm => "video-alarm",
        Channel.CitizenApp => "citizen-app",
        Channel.DoorplateQr => "doorplate",
        _ => channel.ToString(),
    };

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
