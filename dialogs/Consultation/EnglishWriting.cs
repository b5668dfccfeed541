namespace ChatSupport.Dialogs.Consultation;

/// <summary>
/// Whether a message is written in English (not romaji Japanese such as 「shinitai」 or 「kusuri zenbu nonda」):
/// Latin letters only, and at least two different everyday English words (I, you, feel, help, the …) that
/// romaji does not spell.
/// </summary>
public static class EnglishWriting
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "i'm", "im", "i've", "my", "me", "you", "your", "the", "is", "are", "am", "was", "can", "could",
        "feel", "feeling", "want", "help", "english", "hello", "hey", "hi", "and", "don't", "dont", "can't", "cant",
        "what", "how", "please", "someone", "anyone", "this", "it's", "really", "not", "have", "with", "speak", "talk",
        "alone", "lonely", "sad", "scared", "anymore", "need", "there", "who", "write", "of", "in",
    };

    public static bool Looks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(c => c > 0x2FFF))
        {
            return false; // Kana, kanji or full-width forms: Japanese.
        }

        var words = text.Split([' ', ',', '.', '!', '?', ';', ':', '\n', '\r', '\t', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\'').Replace('’', '\''))
            .Where(w => w.Length > 0)
            .ToList();
        return words.Count >= 2 && words.Where(Words.Contains).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 2;
    }
}
