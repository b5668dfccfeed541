namespace ChatSupport.Domain.Risk;

/// <summary>
/// What may follow a term made from a stem and an ending (see <see cref="EndingSet"/>): some endings are words
/// of their own only when the next character is not one of <see cref="NotBefore"/> (Kyushu 死にたか, but not
/// 死にたかった), or only at a word end (死にて from 死にてぇ/死にてー, but not 死にてる).
/// </summary>
/// <param name="NotBefore">Normalized characters that must not come right after the term.</param>
/// <param name="EndOrBefore">If not null, the term must end the text or sentence, stand before something the
/// normalizer dropped (a space, punctuation, an emoji, a long-vowel mark), or before one of these characters.</param>
public sealed record EndingGuard(string NotBefore, string? EndOrBefore)
{
    internal bool Allows(NormalizedText text, int end)
    {
        if (end < text.Length && NotBefore.Contains(text.Chars[end], StringComparison.Ordinal))
        {
            return false;
        }

        return EndOrBefore is null || NormalizedMatcher.BreakAfter(text, end)
            || EndOrBefore.Contains(text.Chars[end], StringComparison.Ordinal);
    }
}

/// <summary>
/// A named set of verb endings (lexicon YAML, top-level <c>endings:</c>): desiderative, dialect and negated
/// forms that an entry's <c>stems</c> are combined with when the lexicon is loaded.
/// </summary>
/// <param name="Id">Name an entry cites in its <c>endings</c> list.</param>
/// <param name="Forms">Endings as written; <c>(a|b|)</c> groups expand.</param>
/// <param name="Guard">What may follow a term made with this set; null when anything may.</param>
public sealed record EndingSet(string Id, IReadOnlyList<string> Forms, EndingGuard? Guard);
