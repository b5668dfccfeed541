using System.Globalization;

namespace ChatSupport.Domain.Support;

/// <summary>The plain values every part of a directory file uses: dates, ids, URLs, optional text.</summary>
internal static class DirectoryValues
{
    internal const string DateFormat = "yyyy-MM-dd";

    internal static DateOnly? ParseDate(string? text, string field, List<string> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add($"missing {field} date (YYYY-MM-DD)");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{field} date '{text}' must be YYYY-MM-DD");
        return null;
    }

    internal static bool IsSlug(string id) =>
        id.Length <= 64 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !id.StartsWith('-') && !id.EndsWith('-') && !id.Contains("--", StringComparison.Ordinal);

    internal static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    internal static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static List<string>? ParseLanguages(List<string>? codes, string field, List<string> errors)
    {
        if (codes is null || codes.Count == 0)
        {
            return null;
        }

        foreach (var code in codes.Where(c => c is null || c.Length != 2 || !c.All(char.IsAsciiLetterLower)))
        {
            errors.Add($"{field}: '{code}' is not a two-letter ISO 639-1 code");
        }

        return codes.Distinct().ToList();
    }
}
