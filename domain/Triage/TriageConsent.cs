using ChatSupport.BotKit.Text;

namespace ChatSupport.Domain.Triage;

/// <summary>Who stopped the AI for themselves (ETH-04). Keyed by channel and the channel's user id.</summary>
public interface ITriageOptOuts
{
    Task<bool> IsOptedOutAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Records the opt-out; repeating it changes nothing.</summary>
    Task OptOutAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// ETH-04: recognises a person's wish that the AI not be used (「AIを使わないで」 and its variants, or the
/// button's value <see cref="ButtonValue"/>). Errs towards yes: a message that mentions not using the AI opts out.
/// </summary>
public static class TriageOptOut
{
    /// <summary>The value the consent button sends (the menu button offered while the AI triage is on).</summary>
    public const string ButtonValue = "AIを使わないで";

    private static readonly string[] Phrases =
    [
        "aiを使わないで", "aiをつかわないで", "ai使わないで", "aiつかわないで", "aiを使わない", "aiはつかわない", "aiは使わない",
        "aiはいらない", "aiいらない", "aiは嫌", "aiはいや", "aiいや", "aiなしで", "aiなしがいい", "aiに送らないで", "aiにおくらないで",
        "aiに見せないで", "aiにみせないで", "aiやめて", "aiをやめて", "aiはやめて", "aiを止めて", "aiをとめて", "aiオフ", "aiをオフ",
        "エーアイを使わないで", "えーあいをつかわないで", "人工知能を使わないで",
        "dontuseai", "donotuseai", "noai", "aioff", "stopai", "optoutofai",
    ];

    private static readonly string[] NormalizedPhrases = [.. Phrases.Select(Normalize)];

    /// <summary>True when <paramref name="text"/> asks not to use the AI.</summary>
    public static bool IsOptOutRequest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var normalized = Normalize(text);
        foreach (var phrase in NormalizedPhrases)
        {
            if (normalized.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one normalizer for typed text, without the spaces it keeps between English words (「don't use AI」 → dontuseai).</summary>
    private static string Normalize(string text) => TextNormalizer.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}
