using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Cases.Tests.Routing;
using static CityOps.Flow.Cases.Supervision.SupervisionRole;

namespace CityOps.Flow.Cases.Tests.Supervision;

public sealed class EscalationTableTests
{
    private readonly EscalationAssessor _assessor = new(ShippedDecisionTables.Evaluator, ShippedDecisionTables.Escalation);

    private EscalationDecision Assess(double fractionUsed, int clusterSize = 1, bool publicSafety = false)
    {
        var outcome = _assessor.Assess(new EscalationRequest(fractionUsed, clusterSize, publicSafety));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Decision;
    }

    [Fact]
    public void Shipped_escalation_table_reads_without_problems()
    {
        Assert.Empty(ShippedDecisionTables.ReadResult("workflows/escalation.dmn").Problems);
    }

    [Theory]
    [InlineData(0.0, WarningTier.None)]
    [InlineData(0.49, WarningTier.None)]
    [InlineData(0.5, WarningTier.Yellow)]
    [InlineData(0.75, WarningTier.Orange)]
    [InlineData(0.9, WarningTier.Red)]
    [InlineData(0.999, WarningTier.Red)]
    [InlineData(1.0, WarningTier.Overdue)]
    [InlineData(3.5, WarningTier.Overdue)]
    public void Ordinary_case_warns_at_half_three_quarters_and_nine_tenths(double fraction, WarningTier tier)
    {
        Assert.Equal(tier, Assess(fraction).Tier);
    }

    [Theory]
    [InlineData(0.25, WarningTier.Yellow)]
    [InlineData(0.5, WarningTier.Orange)]
    [InlineData(0.75, WarningTier.Red)]
    public void Public_safety_case_warns_a_tier_earlier(double fraction, WarningTier tier)
    {
        Assert.Equal(tier, Assess(fraction, publicSafety: true).Tier);
    }

    [Fact]
    public void Ten_reporters_warn_as_early_as_public_safety()
    {
        Assert.Equal(WarningTier.Yellow, Assess(0.3, clusterSize: 10).Tier);
        Assert.Equal(WarningTier.None, Assess(0.3, clusterSize: 9).Tier);
    }

    [Fact]
    public void Warnings_climb_the_hierarchy_tier_by_tier()
    {
        Assert.Empty(Assess(0.1).Notify);
        Assert.Equal([Handler], Assess(0.6).Notify);
        Assert.Equal([Handler, SectionChief], Assess(0.8).Notify);
        Assert.Equal([Handler, SectionChief, DepartmentLeader], Assess(0.95).Notify);
    }

    [Fact]
    public void Overdue_case_gets_a_supervision_notice_up_to_the_department_leader()
    {
        var decision = Assess(1.2);

        Assert.True(decision.Supervise);
        Assert.Equal([Handler, SectionChief, DepartmentLeader], decision.Notify);
        Assert.False(Assess(0.95).Supervise);
    }

    [Fact]
    public void Overdue_danger_or_crowd_reaches_the_district_leader()
    {
        Assert.Contains(DistrictLeader, Assess(1.0, publicSafety: true).Notify);
        Assert.Contains(DistrictLeader, Assess(1.0, clusterSize: 12).Notify);
        Assert.DoesNotContain(DistrictLeader, Assess(1.0, clusterSize: 3).Notify);
    }

    [Fact]
    public void Fraction_is_working_time_used_over_the_limit()
    {
        Assert.Equal(0.75, EscalationRequest.Fraction(TimeSpan.FromHours(3), TimeSpan.FromHours(4)));
        Assert.Equal(0, EscalationRequest.Fraction(TimeSpan.FromHours(-1), TimeSpan.FromHours(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRequest.Fraction(TimeSpan.FromHours(1), TimeSpan.Zero));
    }
}
