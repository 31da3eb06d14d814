using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Web.Portal.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CityOps.Flow.Web.Tests.CasePages;

public sealed class CaseSearchFilterTests
{
    [Fact]
    public void Days_are_whole_days_on_the_districts_clock_and_the_end_day_is_included()
    {
        var filter = Read("?from=2026-11-01&to=2026-11-21&status=Handling&channel=hotline&q=%E4%BA%95%E7%9B%96&street=310199001");

        var (query, problems) = filter.ToQuery(DemoCalendar.Load());

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero), query!.OpenedFrom);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero), query.OpenedTo);
        Assert.Equal(CaseStatus.Handling, query.Status);
        Assert.Equal(Channel.Hotline, query.Channel);
        Assert.Equal("井盖", query.Keyword);
        Assert.Equal("310199001", query.AreaId);
    }

    [Fact]
    public void The_query_string_round_trips_without_empty_fields_and_carries_the_cursor()
    {
        var filter = Read("?street=310199001&from=&q=%E8%B7%AF%E7%81%AF&status=");

        Assert.Equal("?street=310199001&q=%E8%B7%AF%E7%81%AF", filter.QueryString());
        Assert.Equal("?street=310199001&q=%E8%B7%AF%E7%81%AF&cursor=123.45", filter.QueryString("123.45"));
        Assert.Equal(filter, Read(filter.QueryString()));
        Assert.Equal("", new CaseSearchFilter().QueryString());
    }

    [Theory]
    [InlineData("?from=21/11/2026", "from", "Error.Date")]
    [InlineData("?to=2026-02-30", "to", "Error.Date")]
    [InlineData("?from=2026-11-21&to=2026-11-20", "to", "Error.ToBeforeFrom")]
    [InlineData("?status=Sleeping", "status", "Error.Status")]
    [InlineData("?status=3", "status", "Error.Status")]
    [InlineData("?channel=fax", "channel", "Error.Channel")]
    public void A_value_that_cannot_be_read_is_a_problem_at_its_field(string queryString, string field, string message)
    {
        var (query, problems) = Read(queryString).ToQuery(DemoCalendar.Load());

        Assert.Null(query);
        Assert.Equal(message, Assert.Single(problems, p => p.Key == field).Value);
    }

    [Theory]
    [InlineData("路灯不亮", "路灯不亮")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("他说\"很黑\"", "\"他说\"\"很黑\"\"\"")]
    [InlineData("第一行\n第二行", "\"第一行\n第二行\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData(null, "")]
    public void Csv_fields_are_quoted_when_needed_and_never_run_as_formulas(string? value, string expected) =>
        Assert.Equal(expected, CaseCsv.Field(value));

    private static CaseSearchFilter Read(string queryString) =>
        CaseSearchFilter.Read(new QueryCollection(QueryHelpers.ParseQuery(queryString)));
}
