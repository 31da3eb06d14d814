using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Feel;

/// <summary>Expressions as city operations staff write them in routing rules, gateway conditions and time limits.</summary>
public sealed class CityOperationsScenarioTests
{
    private static readonly Dictionary<string, object?> Case = new()
    {
        ["事件类型"] = "占道经营",
        ["来源"] = "12345热线",
        ["紧急程度"] = 2,
        ["街道"] = "陆家嘴街道",
        ["reported at"] = new DateTimeOffset(2026, 11, 20, 22, 40, 0, TimeSpan.FromHours(8)),
        ["repeat complaints"] = 4,
        ["attachments"] = new[]
        {
            new Dictionary<string, object?> { ["kind"] = "photo", ["sizeKb"] = 820 },
            new Dictionary<string, object?> { ["kind"] = "video", ["sizeKb"] = 20480 },
        },
    };

    private static object? Run(string expression)
    {
        var parsed = Feel.Engine.ParseExpression(expression, Case.Keys);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        var result = Feel.Engine.Evaluate(parsed.Expression!, Case);
        Assert.Empty(result.Warnings);
        return result.Value;
    }

    [Fact]
    public void A_night_time_repeat_complaint_is_escalated() =>
        Assert.Equal(true, Run("repeat complaints >= 3 and (reported at.hour >= 22 or reported at.hour < 6)"));

    [Fact]
    public void The_time_limit_depends_on_urgency() =>
        Assert.Equal("2026-11-21T02:40:00+08:00", Feel.FeelValueText(Run(
            "reported at + (if 紧急程度 = 1 then duration(\"PT2H\") else if 紧急程度 = 2 then duration(\"PT4H\") else duration(\"P1D\"))")));

    [Fact]
    public void Hotline_street_vending_goes_to_the_street_office() =>
        Assert.Equal("陆家嘴街道城管中队", Run("if 来源 = \"12345热线\" and 事件类型 in (\"占道经营\", \"乱设摊\") then 街道 + \"城管中队\" else \"区城运中心\""));

    [Fact]
    public void Evidence_summaries_use_filters_and_aggregates() =>
        Assert.Equal("1 photo, 20.8 MB", Run(
            "string(count(attachments[kind = \"photo\"])) + \" photo, \" + string(decimal(sum(attachments.sizeKb) / 1024, 1)) + \" MB\""));

    [Fact]
    public void Output_mappings_build_contexts() =>
        Assert.Equal("{level: \"二级\", due: 2026-11-21T02:40:00+08:00, tags: [\"夜间\", \"重复投诉\"]}", Feel.FeelValueText(Run("""
            {
              level: ["一级", "二级", "三级"][紧急程度],
              due: reported at + duration("PT4H"),
              tags: [if reported at.hour >= 22 then "夜间" else null, if repeat complaints > 1 then "重复投诉" else null][item != null]
            }
            """)));
}
