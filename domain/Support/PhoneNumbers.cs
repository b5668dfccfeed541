using System.Text.RegularExpressions;

namespace ChatSupport.Domain.Support;

/// <summary>
/// Checks Japanese phone numbers as written in the directory data: three-digit numbers starting
/// with 1 (110, 119, 189, 188), #-short codes with four digits (#7119, #8103), and ordinary
/// numbers with hyphens (0120-279-338, 0570-064-556, 011-231-4343, 050-3754-5430).
/// </summary>
public static partial class PhoneNumbers
{
    [GeneratedRegex(@"^1\d{2}$")]
    private static partial Regex ThreeDigit();

    [GeneratedRegex(@"^#\d{4}$")]
    private static partial Regex ShortCode();

    [GeneratedRegex(@"^0\d{0,4}(-\d{1,6}){1,2}$")]
    private static partial Regex Hyphenated();

    /// <summary>Null when well-formed, else the reason it is not.</summary>
    public static string? Validate(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "phone number is missing";
        }

        if (ThreeDigit().IsMatch(number) || ShortCode().IsMatch(number))
        {
            return null;
        }

        if (!Hyphenated().IsMatch(number))
        {
            return $"malformed phone number '{number}' (expected e.g. 0120-279-338, #8103 or 189)";
        }

        var digits = number.Replace("-", string.Empty, StringComparison.Ordinal);
        var expected = digits switch
        {
            _ when digits.StartsWith("0800", StringComparison.Ordinal) => 11,
            _ when digits.StartsWith("0120", StringComparison.Ordinal) || digits.StartsWith("0570", StringComparison.Ordinal) => 10,
            _ when digits[..3] is "050" or "070" or "080" or "090" => 11,
            _ => 10,
        };
        return digits.Length == expected
            ? null
            : $"malformed phone number '{number}' ({digits.Length} digits, expected {expected})";
    }

    /// <summary>The characters to dial: digits and a leading # (0120279338, #8103).</summary>
    public static string ToDialString(string number) =>
        new(number.Where(c => char.IsAsciiDigit(c) || c == '#').ToArray());
}
