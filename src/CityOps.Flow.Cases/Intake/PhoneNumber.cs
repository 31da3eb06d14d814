using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Cases.Intake;

/// <summary>
/// A mainland China mobile (138 1234 5678) or landline (021-1234 5678) number. Personal data: it renders masked
/// (<c>138****5678</c>, <c>021-****5678</c>) everywhere by default; <see cref="Reveal"/> gives the digits, and callers
/// that show them to a person must record the reveal in the audit log.
/// </summary>
[JsonConverter(typeof(PhoneNumberJsonConverter))]
public sealed partial record PhoneNumber
{
    private readonly string _digits;

    private PhoneNumber(string digits, bool isMobile)
    {
        _digits = digits;
        IsMobile = isMobile;
    }

    public bool IsMobile { get; }

    /// <summary>Accepts spaces, hyphens, brackets and a +86 / 0086 prefix; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, out PhoneNumber? phone, out string? problem)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "a phone number is required";
            return false;
        }

        var digits = Separators().Replace(text.Trim(), "");
        var hadCountryCode = digits.StartsWith('+') || digits.StartsWith("0086", StringComparison.Ordinal);
        if (digits.StartsWith('+'))
        {
            if (!digits.StartsWith("+86", StringComparison.Ordinal))
            {
                problem = "only mainland China numbers (+86) are accepted";
                return false;
            }

            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        // Dialled from abroad a landline drops its trunk 0 (+86 21 …); put it back.
        if (hadCountryCode && !Mobile().IsMatch(digits) && !digits.StartsWith('0'))
        {
            digits = "0" + digits;
        }

        if (Mobile().IsMatch(digits))
        {
            phone = new PhoneNumber(digits, isMobile: true);
            problem = null;
            return true;
        }

        if (Landline().IsMatch(digits))
        {
            phone = new PhoneNumber(digits, isMobile: false);
            problem = null;
            return true;
        }

        problem = digits.All(char.IsAsciiDigit)
            ? $"not a mobile number (11 digits starting 13–19) nor a landline with area code (0 + 9–11 digits): {Masked(digits)}"
            : "a phone number may contain only digits, spaces, hyphens, brackets and a leading +86";
        return false;
    }

    public static PhoneNumber Parse(string text) =>
        TryParse(text, out var phone, out var problem) ? phone! : throw new FormatException(problem);

    /// <summary>The full number, digits only. Showing it to a person is an audited reveal of personal data.</summary>
    public string Reveal() => _digits;

    /// <summary>The masked form; also what <see cref="ToString"/> returns, so logs and pages never leak the number.</summary>
    public string Masked()
    {
        if (IsMobile)
        {
            return Masked(_digits);
        }

        var areaCodeLength = _digits[1] is '1' or '2' ? 3 : 4;
        return $"{_digits[..areaCodeLength]}-****{_digits[^4..]}";
    }

    public override string ToString() => Masked();

    private static string Masked(string digits) =>
        digits.Length >= 8 ? $"{digits[..3]}****{digits[^4..]}" : new string('*', digits.Length);

    [GeneratedRegex(@"[\s\-()（）]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0(?:[12]\d\d{7,8}|[3-9]\d{2}\d{7,8})$")]
    private static partial Regex Landline();
}
