using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    private static CatalogLoadResult LoadCategories(string categoriesJson) =>
        CatalogLoader.Load($$"""{ "name": "test", "categories": [ {{categoriesJson}} ] }""");

    private const string PublicUtilities = """{ "code": "01", "kind": "component", "zh": "公用设施", "en": "Public utilities" }""";

    [Fact]
    public void A_minimal_catalogue_loads_with_defaults()
    {
        var result = LoadCategories(PublicUtilities + """, { "code": "0101", "parent": "01", "kind": "component", "zh": "上水井盖", "en": "Cover", "timeLimit": "PT4H" }""");

        Assert.True(result.Succeeded);
        var cover = result.Catalog.Find("0101")!;
        Assert.Equal(Severity.Normal, cover.DefaultSeverity);
        Assert.False(cover.PublicSafety);
        Assert.Equal(TimeLimit.WorkingHours(4), cover.TimeLimit);
        Assert.Empty(result.Catalog.RequestKinds);
    }

    [Fact]
    public void Duplicate_code_names_both_places()
    {
        var result = LoadCategories(PublicUtilities + ", " + PublicUtilities);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("categories[1].code", problem.Path);
        Assert.Equal("duplicate code '01' (first at categories[0])", problem.Message);
        Assert.Null(result.Catalog);
    }

    [Fact]
    public void Unknown_parent_is_refused()
    {
        var result = LoadCategories("""{ "code": "0701", "parent": "07", "kind": "component", "zh": "x", "en": "x", "timeLimit": "P1D" }""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("categories[0].parent: unknown parent '07'", problem.ToString());
    }

    [Fact]
    public void Parent_defined_later_in_the_file_is_found()
    {
        var result = LoadCategories("""{ "code": "0101", "parent": "01", "kind": "component", "zh": "x", "en": "x", "timeLimit": "P1D" }, """ + PublicUtilities);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Subclass_of_a_subclass_is_refused()
    {
        var result = LoadCategories(PublicUtilities
            + """, { "code": "0101", "parent": "01", "kind": "component", "zh": "x", "en": "x", "timeLimit": "P1D" }"""
            + """, { "code": "010101", "parent": "0101", "kind": "component", "zh": "y", "en": "y", "timeLimit": "P1D" }""");

        Assert.Contains(result.Problems, p => p.Path == "categories[2].code");
    }

    [Fact]
    public void Event_under_a_component_class_is_refused()
    {
        var result = LoadCategories("""{ "code": "E01", "kind": "event", "zh": "市容环境", "en": "x" }, { "code": "E0101", "parent": "01", "kind": "event", "zh": "x", "en": "x", "timeLimit": "PT4H" }, """ + PublicUtilities);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("categories[1].code", problem.Path);
        Assert.Contains("must be its parent's code '01' followed by two digits", problem.Message);
    }

    [Fact]
    public void Event_code_without_the_E_prefix_is_refused()
    {
        var result = LoadCategories("""{ "code": "05", "kind": "event", "zh": "街面秩序", "en": "Street order" }""");

        Assert.Equal("categories[0].code: event code '05' must start with E", Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("\"PT0H\"", "a time limit must be longer than zero")]
    [InlineData("\"P1DT4H\"", "'P1DT4H' is not a working-time limit; write one unit only: PT15M, PT4H or P2D")]
    [InlineData("\"4 hours\"", "'4 hours' is not a working-time limit; write one unit only: PT15M, PT4H or P2D")]
    [InlineData("\"P400D\"", "a time limit may not exceed 90 working days")]
    [InlineData("4", "must be a string such as \"PT4H\" or \"P2D\"")]
    public void Bad_time_limit_is_refused_with_the_reason(string limit, string message)
    {
        var result = LoadCategories(PublicUtilities + $$""", { "code": "0101", "parent": "01", "kind": "component", "zh": "x", "en": "x", "timeLimit": {{limit}} }""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("categories[1].timeLimit", problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Subclass_without_a_time_limit_is_refused()
    {
        var result = LoadCategories(PublicUtilities + """, { "code": "0101", "parent": "01", "kind": "component", "zh": "上水井盖", "en": "x" }""");

        Assert.Equal("categories[1].timeLimit: subclass '0101' needs a time limit (PT15M, PT4H or P2D)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Class_with_a_time_limit_is_refused()
    {
        var result = LoadCategories("""{ "code": "01", "kind": "component", "zh": "x", "en": "x", "timeLimit": "P1D" }""");

        Assert.Equal("categories[0].timeLimit", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Misspelt_field_is_refused_rather_than_ignored()
    {
        var result = LoadCategories(PublicUtilities + """, { "code": "0101", "parent": "01", "kind": "component", "zh": "x", "en": "x", "timelimit": "P1D" }""");

        Assert.Contains(result.Problems, p => p.Path == "categories[1].timelimit" && p.Message.StartsWith("unknown field"));
        Assert.Contains(result.Problems, p => p.Path == "categories[1].timeLimit");
    }

    [Fact]
    public void Unknown_kind_and_severity_are_named()
    {
        var result = LoadCategories("""{ "code": "01", "kind": "asset", "zh": "x", "en": "x", "severity": "urgent" }""");

        Assert.Contains(result.Problems, p => p.Path == "categories[0].kind" && p.Message.Contains("'asset'"));
        Assert.Contains(result.Problems, p => p.Path == "categories[0].severity" && p.Message.Contains("'urgent'"));
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_at_once()
    {
        var result = LoadCategories("""{ "code": "01", "kind": "component" }, { "code": "x", "kind": "component", "zh": "x", "en": "x" }""");

        Assert.Equal(["categories[0].zh", "categories[0].en", "categories[1].code"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Malformed_json_reports_line_and_column()
    {
        var result = CatalogLoader.Load("{\n  \"categories\": [\n    { \"code\": \"01\" \n  ]\n}");

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("line 4, column", problem.Path);
    }

    [Fact]
    public void Duplicate_request_kind_is_refused()
    {
        var result = CatalogLoader.Load("""
            { "requestKinds": [
                { "code": "complaint", "zh": "投诉", "en": "Complaint", "replyLimit": "P5D" },
                { "code": "complaint", "zh": "投诉", "en": "Complaint", "replyLimit": "P5D" } ],
              "categories": [ { "code": "01", "kind": "component", "zh": "x", "en": "x" } ] }
            """);

        Assert.Equal("requestKinds[1].code: duplicate request kind 'complaint' (first at requestKinds[0])", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void Catalogue_without_categories_is_refused()
    {
        var result = CatalogLoader.Load("""{ "categories": [] }""");

        Assert.Equal("categories: the catalogue has no categories", Assert.Single(result.Problems).ToString());
    }
}
