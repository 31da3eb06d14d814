using System.Text.Json;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Tests.Catalog;

namespace CityOps.Flow.Cases.Tests.Intake;

public sealed class IntakeJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private const string VideoAlarmJson = """
        {
          "channel": "video",
          "sourceId": "cam-0412/alarm/99817",
          "categoryCode": "E0501",
          "location": { "point": { "latitude": 31.052, "longitude": 121.57 } },
          "occurredAt": "2026-11-20T09:29:56+08:00",
          "receivedAt": "2026-11-20T09:30:00+08:00",
          "photos": [ "https://media.example.cn/alarms/99817.jpg" ],
          "details": { "kind": "video", "cameraId": "cam-0412", "algorithm": "street-vending/2.3", "confidence": 0.91 }
        }
        """;

    [Fact]
    public void Video_alarm_posted_as_json_reads_into_a_valid_report()
    {
        var report = JsonSerializer.Deserialize<IntakeReport>(VideoAlarmJson, Web)!;

        Assert.Equal(Channel.VideoAlarm, report.Channel);
        var details = Assert.IsType<VideoAlarmDetails>(report.Details);
        Assert.Equal(0.91, details.Confidence);
        Assert.Empty(new IntakeValidator(ShippedCatalog.Catalog).Validate(report));
    }

    [Fact]
    public void Hotline_report_reads_phone_and_severity_codes()
    {
        var json = """
            {
              "channel": "hotline", "sourceId": "12345-1", "categoryCode": "E9001", "description": "噪声",
              "location": { "address": "江月路 1 号" }, "receivedAt": "2026-11-20T09:30:00+08:00",
              "reporter": { "name": "王小明", "phone": "+86 138-1234-5678" }, "severity": "major", "requestKind": "complaint",
              "details": { "kind": "hotline", "callId": "C-1", "operatorId": "op-07" }
            }
            """;

        var report = JsonSerializer.Deserialize<IntakeReport>(json, Web)!;

        Assert.Equal("13812345678", report.Reporter!.Phone!.Reveal());
        Assert.Equal(Severity.Major, report.Severity);
        Assert.Empty(new IntakeValidator(ShippedCatalog.Catalog).Validate(report));
    }

    [Fact]
    public void Malformed_phone_is_reported_at_its_json_path()
    {
        var json = """{ "channel": "hotline", "sourceId": "1", "categoryCode": "E9001", "location": { "address": "x" }, "receivedAt": "2026-11-20T09:30:00+08:00", "reporter": { "phone": "12345" } }""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IntakeReport>(json, Web));

        Assert.Equal("$.reporter.phone", error.Path);
    }

    [Fact]
    public void Missing_required_field_is_named()
    {
        var json = """{ "channel": "iot", "categoryCode": "0102", "location": { "address": "x" }, "receivedAt": "2026-11-20T09:30:00+08:00" }""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IntakeReport>(json, Web));

        Assert.Contains("sourceId", error.Message);
    }

    [Fact]
    public void Unknown_channel_code_is_refused()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IntakeReport>(VideoAlarmJson.Replace("\"video\",\n", "\"fax\",\n"), Web));

        Assert.Equal("$.channel", error.Path);
    }

    [Fact]
    public void Serialised_report_uses_codes_and_never_the_full_phone_number()
    {
        var json = JsonSerializer.Serialize(SampleReports.Hotline(), Web);

        Assert.Contains("\"channel\":\"hotline\"", json);
        Assert.Contains("\"kind\":\"hotline\"", json);
        Assert.Contains("138****5678", json);
        Assert.DoesNotContain("13812345678", json);
    }

    [Fact]
    public void Report_without_a_phone_round_trips()
    {
        var alarm = SampleReports.VideoAlarm();

        var copy = JsonSerializer.Deserialize<IntakeReport>(JsonSerializer.Serialize(alarm, Web), Web)!;

        Assert.Equal(alarm with { Photos = [] }, copy with { Photos = [] });
        Assert.Equal(alarm.Photos, copy.Photos);
    }
}
