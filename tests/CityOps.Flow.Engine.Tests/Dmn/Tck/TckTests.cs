using Xunit.Abstractions;

namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

public sealed class TckTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> CaseIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in TckRunner.Folders())
        {
            foreach (var testCase in TckRunner.Cases(Path.GetFileName(folder)))
            {
                data.Add(testCase.Folder, testCase.CaseId);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Tck_case_produces_the_expected_decision_results(string folder, string caseId)
    {
        var testCase = TckRunner.Cases(folder).Single(c => c.CaseId == caseId);

        var failure = TckRunner.Run(testCase);

        Assert.True(failure is null, $"{folder} case {caseId}: {failure}");
    }

    [Fact]
    public void Every_tck_case_in_the_folder_passes()
    {
        var cases = TckRunner.AllCases().ToList();
        var failures = cases.Select(c => (c, failure: TckRunner.Run(c))).Where(r => r.failure is not null).ToList();

        foreach (var (testCase, failure) in failures)
        {
            output.WriteLine($"FAILED {testCase.Folder} {testCase.CaseId}: {failure}");
        }

        var summary = $"DMN TCK: {cases.Count - failures.Count} passed, {failures.Count} failed";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.NotEmpty(cases);
        Assert.Empty(failures);
    }
}
