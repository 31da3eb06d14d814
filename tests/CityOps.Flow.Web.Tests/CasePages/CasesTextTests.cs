using System.Globalization;
using System.Resources;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Web.Portal.Cases;

namespace CityOps.Flow.Web.Tests.CasePages;

public sealed class CasesTextTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Every_case_event_and_status_has_its_words_in_both_languages(string culture)
    {
        var resources = new ResourceManager(typeof(CasesText));
        var language = CultureInfo.GetCultureInfo(culture);

        var missing = Enum.GetNames<CaseEventKind>().Select(k => "Step." + k)
            .Concat(Enum.GetNames<CaseStatus>().Select(s => "Status." + s))
            .Where(key => string.IsNullOrWhiteSpace(resources.GetString(key, language)))
            .ToList();

        Assert.Empty(missing);
    }
}
