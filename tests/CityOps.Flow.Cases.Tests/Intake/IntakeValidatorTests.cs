using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Tests.Catalog;

namespace CityOps.Flow.Cases.Tests.Intake;

public sealed class IntakeValidatorTests
{
    private readonly IntakeValidator _validator = new(ShippedCatalog.Catalog);

    public static TheoryData<string> Channels => ["hotline", "video", "sensor", "grid", "app", "doorplate"];

    private static IntakeReport Sample(string channel) => channel switch
    {
        "hotline" => SampleReports.Hotline(),
        "video" => SampleReports.VideoAlarm(),
        "sensor" => SampleReports.Sensor(),
        "grid" => SampleReports.GridInspection(),
        "app" => SampleReports.CitizenApp(),
        _ => SampleReports.Doorplate(),
    };

    private IntakeProblem SingleProblem(IntakeReport report) => Assert.Single(_validator.Validate(report));

    [Theory]
    [MemberData(nameof(Channels))]
    public void Well_formed_report_of_every_channel_is_accepted(string channel)
    {
        Assert.Empty(_validator.Validate(Sample(channel)));
    }

    [Fact]
    public void Unknown_category_is_named_in_the_problem()
    {
        var problem = SingleProblem(SampleReports.Hotline() with { CategoryCode = "E7777" });

        Assert.Equal("categoryCode: 'E7777' is not in the category catalogue", problem.ToString());
    }

    [Fact]
    public void Reporting_a_class_instead_of_a_subclass_suggests_subclasses()
    {
        var problem = SingleProblem(SampleReports.Hotline() with { CategoryCode = "E04" });

        Assert.Equal("categoryCode", problem.Field);
        Assert.Contains("'E04' (突发事件) is a class", problem.Message);
        Assert.Contains("E0401 路面塌陷", problem.Message);
    }

    [Fact]
    public void Hotline_report_without_a_phone_cannot_be_called_back()
    {
        var problem = SingleProblem(SampleReports.Hotline() with { Reporter = new Reporter { Name = "匿名" } });

        Assert.Equal("reporter.phone", problem.Field);
    }

    [Fact]
    public void Hotline_report_needs_a_request_kind_from_the_catalogue()
    {
        var missing = SingleProblem(SampleReports.Hotline() with { RequestKind = null });
        var unknown = SingleProblem(SampleReports.Hotline() with { RequestKind = "praise" });

        Assert.Equal("requestKind", missing.Field);
        Assert.Contains("complaint (投诉)", missing.Message);
        Assert.Equal("requestKind: 'praise' is not a request kind", unknown.ToString());
    }

    [Fact]
    public void Person_made_report_needs_a_description_but_a_sensor_does_not()
    {
        Assert.Equal("description", SingleProblem(SampleReports.GridInspection() with { Description = " " }).Field);
        Assert.Empty(_validator.Validate(SampleReports.Sensor() with { Description = null }));
    }

    [Fact]
    public void Report_without_position_or_address_is_refused()
    {
        var problem = SingleProblem(SampleReports.CitizenApp() with { Location = new ReportLocation { AreaId = "310199001" } });

        Assert.Equal("location", problem.Field);
    }

    [Fact]
    public void Coordinates_out_of_range_name_the_axis()
    {
        var problems = _validator.Validate(SampleReports.VideoAlarm() with { Location = new ReportLocation { Point = new GeoPoint(121.49, 31.24) } });

        Assert.Equal("location.latitude: 121.49 is outside -90 to 90", Assert.Single(problems).ToString());
    }

    [Fact]
    public void Occurrence_after_receipt_points_at_the_senders_clock()
    {
        var problem = SingleProblem(SampleReports.Sensor() with { OccurredAt = SampleReports.Received.AddHours(1) });

        Assert.Equal("occurredAt", problem.Field);
        Assert.Contains("check the sender's clock", problem.Message);
    }

    [Fact]
    public void Small_clock_skew_is_tolerated()
    {
        Assert.Empty(_validator.Validate(SampleReports.Sensor() with { OccurredAt = SampleReports.Received.AddMinutes(2) }));
    }

    [Fact]
    public void Each_bad_photo_url_is_named_by_index()
    {
        var problems = _validator.Validate(SampleReports.GridInspection() with
        {
            Photos = ["https://media.example.cn/a.jpg", "file:///tmp/b.jpg", "c.jpg"],
        });

        Assert.Equal(["photos[1]", "photos[2]"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Too_many_photos_are_refused()
    {
        var photos = Enumerable.Range(0, 10).Select(i => $"https://media.example.cn/{i}.jpg").ToList();

        Assert.Equal("photos", SingleProblem(SampleReports.GridInspection() with { Photos = photos }).Field);
    }

    [Fact]
    public void Details_of_another_channel_are_refused()
    {
        var problem = SingleProblem(SampleReports.VideoAlarm() with { Details = SampleReports.Sensor().Details });

        Assert.Equal("details: a video-alarm report cannot carry sensor details", problem.ToString());
    }

    [Fact]
    public void Machine_report_without_details_is_refused()
    {
        Assert.Equal("details", SingleProblem(SampleReports.Sensor() with { Details = null }).Field);
    }

    [Fact]
    public void Video_alarm_confidence_must_be_a_probability_and_above_the_district_threshold()
    {
        var details = (VideoAlarmDetails)SampleReports.VideoAlarm().Details!;

        var impossible = SingleProblem(SampleReports.VideoAlarm() with { Details = details with { Confidence = 1.7 } });
        var unsure = SingleProblem(SampleReports.VideoAlarm() with { Details = details with { Confidence = 0.42 } });

        Assert.Equal("details.confidence: 1.7 is outside 0 to 1", impossible.ToString());
        Assert.Equal("details.confidence: 0.42 is below the 0.6 this district accepts from video alarms", unsure.ToString());
    }

    [Fact]
    public void District_may_lower_the_video_confidence_threshold()
    {
        var lenient = new IntakeValidator(ShippedCatalog.Catalog, IntakeRules.Default with { MinimumVideoConfidence = 0.4 });
        var details = (VideoAlarmDetails)SampleReports.VideoAlarm().Details!;

        Assert.Empty(lenient.Validate(SampleReports.VideoAlarm() with { Details = details with { Confidence = 0.42 } }));
    }

    [Fact]
    public void Empty_required_detail_fields_are_named()
    {
        var problems = _validator.Validate(SampleReports.GridInspection() with
        {
            Details = new GridInspectionDetails { InspectorId = "", GridId = " " },
        });

        Assert.Equal(["details.inspectorId", "details.gridId"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("", "sourceId")]
    [InlineData("has space", "sourceId")]
    public void Source_id_must_be_a_usable_idempotency_key(string sourceId, string field)
    {
        Assert.Equal(field, SingleProblem(SampleReports.Sensor() with { SourceId = sourceId }).Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var report = SampleReports.Hotline() with
        {
            CategoryCode = "nope",
            Description = null,
            Reporter = null,
            Location = new ReportLocation(),
            Severity = (Severity)9,
        };

        Assert.Equal(["categoryCode", "description", "location", "reporter.phone", "details", "severity"],
            _validator.Validate(report with { Details = null }).Select(p => p.Field));
    }

    [Fact]
    public void Idempotency_key_is_scoped_by_channel()
    {
        var fromSensor = SampleReports.Sensor() with { SourceId = "42" };
        var fromCamera = SampleReports.VideoAlarm() with { SourceId = "42" };

        Assert.NotEqual(fromSensor.IdempotencyKey, fromCamera.IdempotencyKey);
        Assert.Equal(fromSensor.IdempotencyKey, (fromSensor with { Description = "retry" }).IdempotencyKey);
    }
}
