using ChatSupport.BotKit.Text;

namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// A reviewed list of words kept in the normalizer's form (kana, width and case folded), and whether a text holds one
/// of them: the same reading for every word list of the dialogs, so 「ｺﾝﾋﾞﾆ入った」 and 「コンビニ入った」 match alike.
/// </summary>
internal sealed class NormalizedWords(params string[] words)
{
    private readonly string[] _words = words.Select(TextNormalizer.Normalize).Where(w => w.Length > 0).Distinct().ToArray();

    /// <summary>Whether <paramref name="normalized"/> (already normalized) holds one of the words.</summary>
    public bool AnyIn(string normalized) => _words.Any(w => normalized.Contains(w, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="text"/> holds one of the words once normalized.</summary>
    public bool AnyInText(string? text) => AnyIn(TextNormalizer.Normalize(text));
}
