using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Tests.Intake;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("0086-13812345678")]
    public void Mobile_numbers_in_common_notations_mean_the_same_number(string text)
    {
        var phone = PhoneNumber.Parse(text);

        Assert.True(phone.IsMobile);
        Assert.Equal("13812345678", phone.Reveal());
        Assert.Equal(PhoneNumber.Parse("13812345678"), phone);
    }

    [Fact]
    public void Masked_is_the_default_rendering()
    {
        var phone = PhoneNumber.Parse("13812345678");

        Assert.Equal("138****5678", phone.ToString());
        Assert.Equal("138****5678", $"{phone}");
    }

    [Theory]
    [InlineData("021-12345678", "021-****5678")]
    [InlineData("(010) 8765 4321", "010-****4321")]
    [InlineData("0571-8888 1234", "0571-****1234")]
    [InlineData("+86 21 1234 5678", "021-****5678")]
    [InlineData("0086 10 8765 4321", "010-****4321")]
    public void Landline_masks_all_but_area_code_and_last_four(string text, string masked)
    {
        var phone = PhoneNumber.Parse(text);

        Assert.False(phone.IsMobile);
        Assert.Equal(masked, phone.ToString());
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("+1 415 555 0100")]
    [InlineData("138-abcd-5678")]
    [InlineData("")]
    public void Malformed_numbers_are_refused_with_a_reason(string text)
    {
        Assert.False(PhoneNumber.TryParse(text, out var phone, out var problem));
        Assert.Null(phone);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Refusal_message_does_not_leak_the_full_number()
    {
        PhoneNumber.TryParse("128 1234 5678", out _, out var problem);

        Assert.DoesNotContain("12812345678", problem);
        Assert.Contains("128****5678", problem);
    }

    [Fact]
    public void Reporter_renders_masked_name_and_phone()
    {
        var reporter = new Reporter { Name = "王小明", Phone = PhoneNumber.Parse("13812345678") };

        Assert.Equal("Reporter { Name = 王**, Phone = 138****5678 }", reporter.ToString());
    }

    [Fact]
    public void Report_rendering_does_not_leak_the_phone()
    {
        var text = SampleReports.Hotline().ToString();

        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("王小明", text);
    }
}
