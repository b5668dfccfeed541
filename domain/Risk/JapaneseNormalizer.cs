using System.Globalization;
using System.Text;

namespace ChatSupport.Domain.Risk;

/// <summary>
/// Folds Japanese chat text into a matching form and remembers, for every output character, the
/// span of the original text it came from. The same function normalizes lexicon terms, so any fold
/// only has to be consistent, not linguistically exact.
/// </summary>
/// <remarks>
/// Steps, applied per character with a one-character look-ahead and no allocation:
/// <list type="number">
/// <item>NFKC of each character (precomputed for the whole BMP): full-width ASCII and half-width
/// katakana become their ordinary forms; half-width voicing marks are composed with the kana before.</item>
/// <item>ASCII is lower-cased; katakana are folded to hiragana; small kana become full-size
/// (ぁ→あ, ゃ→や); the small っ is dropped.</item>
/// <item>Stretching disappears: long-vowel marks (ー, 〜, ~), a vowel kana repeating the vowel of the
/// kana before it (たぁぁい, さみしいぃ; a full-size お after another o-row kana and a full-size い after
/// another i-row kana stay, since they can start a word: ずっと|おらん, 父に|いま), and a run of three or more of the same character (ｗｗｗ, しぬぬぬ);
/// a pair stays, so ママ and はは keep their meaning.</item>
/// <item>Spaces, punctuation, symbols, control and zero-width characters are dropped, so
/// し に た い and し.に.た.い read as しにたい. Sentence ends (。！？! ? and line breaks) become one
/// <see cref="ClauseBreak"/>, which no lexicon term contains.</item>
/// <item>Obfuscations: katakana タヒ reads as 死 (unless more katakana follows, as in タヒチ); 4 and 氏
/// read as 死 before ね/ぬ or にた/にそ (not after 彼, as in 彼氏); emoji that stand for means or harm
/// become words (💊 薬, 🔪 刃物, 🪢 ロープ, 🩸 血, 🏢 ビル, ⬇ 落下). Romaji spellings are lexicon terms.</item>
/// </list>
/// Lone surrogates and other emoji are dropped like punctuation.
/// </remarks>
internal static class JapaneseNormalizer
{
    /// <summary>Marks a sentence boundary in the normalized text.</summary>
    public const char ClauseBreak = '\u0001';

    private const byte KindDrop = 0;
    private const byte KindLetter = 1;
    private const byte KindStretch = 2;
    private const byte KindVoiced = 3;
    private const byte KindSemiVoiced = 4;
    private const byte KindBreak = 5;
    private const byte KindExpand = 6;
    private const byte KindSurrogate = 7;
    private const byte KindSeparator = 8;
    private const byte KindMask = 0x0F;
    private const byte KatakanaFlag = 0x80;

    private const int HiraganaBase = 0x3040;

    private static readonly char[] Fold = new char[65536];
    private static readonly byte[] Kind = new byte[65536];
    private static readonly Dictionary<char, string> Expansions = [];
    private static readonly char[] Voiced = new char[0x60];
    private static readonly char[] SemiVoiced = new char[0x60];
    private static readonly byte[] Vowel = new byte[0x60];

    private static readonly Dictionary<int, string> EmojiWords = new()
    {
        [0x1F48A] = "薬",     // 💊 pill
        [0x1F52A] = "刃物",   // 🔪 kitchen knife
        [0x1FAA2] = "ロープ", // 🪢 knot (rope)
        [0x1FA78] = "血",     // 🩸 drop of blood
        [0x1FA92] = "カミソリ", // 🪒 razor
        [0x1FAA6] = "墓",     // 🪦 headstone
        [0x1F37A] = "酒",     // 🍺 beer (round 10: 💊💊💊 with drink emoji is pills with alcohol)
        [0x1F37B] = "酒",     // 🍻 clinking beer mugs
        [0x1F377] = "酒",     // 🍷 wine glass
        [0x1F376] = "酒",     // 🍶 sake
        [0x1F943] = "酒",     // 🥃 tumbler glass
        [0x1F309] = "橋の上", // 🌉 bridge at night
        [0x1F44B] = "バイバイ", // 👋 waving hand
        [0x1F635] = "ふらふら", // 😵 dizzy face (also 😵‍💫)
        [0x1F6AA] = "ドア",   // 🚪 door
        [0x1F3E2] = "ビル",   // 🏢 office building
        [0x1F3EC] = "ビル",   // 🏬 department store
        [0x1F3D9] = "ビル",   // 🏙 cityscape
        [0x1F3E8] = "ビル",   // 🏨 hotel
    };

    /// <summary>Arrows pointing down read as falling (🏢⬇️, 🌉↓): the lexicon pairs 落下 with a building or a bridge.</summary>
    private static readonly char[] DownArrows = ['⬇', '⤵', '↓'];

    /// <summary>Sentence-final particles that may follow a stretched vowel (死にてえよ, 行かねえし, そうだあね).</summary>
    private const string SentenceParticles = "よねなわさぞぜかしべどけや";

    /// <summary>Written after the third repetition of the same emoji (💊💊💊): a lexicon term for "many".</summary>
    public const string EmojiRunWord = "連打";

    static JapaneseNormalizer()
    {
        BuildKanaTables();
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            ClassifyBmp(c);
        }

        foreach (var arrow in DownArrows)
        {
            Kind[arrow] = KindExpand;
            Expansions[arrow] = "落下";
        }
    }

    /// <summary>The upper bound of output characters produced for <paramref name="inputLength"/> input characters.</summary>
    public static int MaxOutputLength(int inputLength) => (inputLength * 3) + 16;

    /// <summary>Normalizes a whole string (for lexicon terms and tests); allocates.</summary>
    public static string NormalizeToString(string text)
    {
        var buffer = new NormalizedText();
        Normalize(text, buffer);
        return new string(buffer.Chars, 0, buffer.Length);
    }

    /// <summary>
    /// Normalizes <paramref name="text"/> into <paramref name="output"/>, which grows only when the text
    /// is longer than any before; after that the call allocates nothing.
    /// </summary>
    public static void Normalize(ReadOnlySpan<char> text, NormalizedText output)
    {
        output.EnsureCapacity(text.Length);
        var chars = output.Chars;
        var starts = output.Starts;
        var ends = output.Ends;
        var state = new EmitState { TsuAfter = output.TsuAfter };

        var i = 0;
        var lastEmoji = 0;
        var emojiRun = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (EmojiWords.TryGetValue(codePoint, out var word))
                {
                    emojiRun = codePoint == lastEmoji ? emojiRun + 1 : 1;
                    lastEmoji = codePoint;
                    // A word for each of the first two, then one "many" marker for the run.
                    var emitted = emojiRun <= 2 ? word : emojiRun == 3 ? EmojiRunWord : string.Empty;
                    foreach (var w in emitted)
                    {
                        ProcessChar(w, text, i, i + 2, chars, starts, ends, ref state);
                    }
                }
                else
                {
                    // Another emoji separates like punctuation (つかれた😢あー keeps its あ).
                    state.AfterSeparator = true;
                }

                i += 2;
                continue;
            }

            if (c is not ('\u200D' or '\uFE0F'))
            {
                lastEmoji = 0;
            }

            ProcessChar(c, text, i, i + 1, chars, starts, ends, ref state);
            i++;
        }

        output.Length = state.Length;
        output.AnyTsu = state.AnyTsu;
    }

    private static void ProcessChar(char c, ReadOnlySpan<char> text, int start, int end,
        char[] chars, int[] starts, int[] ends, ref EmitState state)
    {
        var kind = Kind[c];
        switch (kind & KindMask)
        {
            case KindLetter:
                var folded = Fold[c];
                if (folded is '4' or '氏')
                {
                    folded = Substitute(folded, text, end, chars, ref state);
                }

                state.FullSizeO = c is 'お' or 'オ' or 'ｵ';
                state.FullSizeI = c is 'い' or 'イ' or 'ｲ';
                // A long vowel written after a small ゃ/ゅ/ょ (しょっちゅう, きゅうに) belongs to its word, so it folds as before.
                state.VowelStartsWord = c is 'あ' or 'ア' or 'ｱ' or 'う' or 'ウ' or 'ｳ' or 'え' or 'エ' or 'ｴ'
                    && !state.AfterSmallY && StartsWordAfterVowel(PeekFold(text, end));
                Emit(folded, (kind & KatakanaFlag) != 0, text, end, start, end, chars, starts, ends, ref state);
                state.AfterSmallY = c is 'ゃ' or 'ゅ' or 'ょ' or 'ャ' or 'ュ' or 'ョ' or 'ｬ' or 'ｭ' or 'ｮ';
                state.AfterSeparator = false;
                break;
            case KindStretch:
                Extend(ends, end, ref state);
                if (c is 'っ' or 'ッ' or 'ｯ' && state.Length > 0)
                {
                    // Dropped, but remembered: いっしょ must not read as the term いしょ (see NormalizedText.TsuAfter).
                    state.TsuAfter[state.Length - 1] = true;
                    state.AnyTsu = true;
                }

                break;
            case KindVoiced:
                Compose(Voiced, end, chars, ends, ref state);
                break;
            case KindSemiVoiced:
                Compose(SemiVoiced, end, chars, ends, ref state);
                break;
            case KindBreak:
                if (state.Length > 0 && chars[state.Length - 1] != ClauseBreak)
                {
                    chars[state.Length] = ClauseBreak;
                    starts[state.Length] = start;
                    ends[state.Length] = end;
                    state.TsuAfter[state.Length] = false;
                    state.Length++;
                }

                state.PreviousWasKatakanaTa = false;
                break;
            case KindExpand:
                foreach (var e in Expansions[c])
                {
                    if (Kind[e] != KindExpand)
                    {
                        ProcessChar(e, text, start, end, chars, starts, ends, ref state);
                    }
                }

                break;
            case KindSeparator:
                // Spaces, punctuation and symbols are dropped (し に た い reads as しにたい), but a vowel after
                // one starts a new word: なった、ありがとう keeps its あ.
                state.AfterSeparator = true;
                break;
            default:
                // Drop (control, zero-width) and lone surrogates.
                break;
        }
    }

    private static void Emit(char f, bool katakana, ReadOnlySpan<char> text, int next, int start, int end,
        char[] chars, int[] starts, int[] ends, ref EmitState state)
    {
        var n = state.Length;
        if (n > 0)
        {
            var previous = chars[n - 1];
            if (previous != ClauseBreak)
            {
                var vowel = VowelOfVowelKana(f);
                // Only within one script: たぁぁい stretches, but がアムカ is が + アムカ. A full-size お after another
                // o-row kana can start a word (ずっと|おらん, はよ|おいで), so it stays; ぉ and ー still stretch (そぉ).
                // The same holds for a full-size い after an i-row kana (父に|いま, 君に|いてほしい); ぃ still
                // stretches (しにたぃぃ), and い after い still folds (たいいい).
                if (vowel != 0 && VowelOf(previous) == vowel && katakana == state.PreviousKatakana && !state.AfterSeparator
                    && !(state.FullSizeO && previous != 'お') && !(state.FullSizeI && previous != 'い')
                    && !(state.VowelStartsWord && previous != f))
                {
                    ends[n - 1] = end;
                    return;
                }

                if (f == previous && !char.IsAsciiDigit(f))
                {
                    // A pair stays (まま, はは, ここ); three or more collapse to one (ｗｗｗ, しぬぬぬ).
                    state.Run++;
                    if (state.Run == 3)
                    {
                        ends[n - 2] = end;
                        state.Length = n - 1;
                        return;
                    }

                    if (state.Run > 3)
                    {
                        ends[n - 1] = end;
                        return;
                    }

                    chars[n] = f;
                    starts[n] = start;
                    ends[n] = end;
                    state.TsuAfter[n] = false;
                    state.Length = n + 1;
                    return;
                }

                if (f == 'ひ' && katakana && state.PreviousWasKatakanaTa && !NextIsKatakana(text, next))
                {
                    chars[n - 1] = '死';
                    ends[n - 1] = end;
                    state.Run = 1;
                    state.PreviousWasKatakanaTa = false;
                    return;
                }
            }
        }

        chars[n] = f;
        starts[n] = start;
        ends[n] = end;
        state.TsuAfter[n] = false;
        state.Length = n + 1;
        state.Run = 1;
        state.PreviousWasKatakanaTa = katakana && f == 'た';
        state.PreviousKatakana = katakana;
    }

    private static char Substitute(char f, ReadOnlySpan<char> text, int next, char[] chars, ref EmitState state)
    {
        var previous = state.Length > 0 ? chars[state.Length - 1] : '\0';
        if (f == '4' && char.IsAsciiDigit(previous))
        {
            return f;
        }

        if (f == '氏' && previous == '彼')
        {
            return f;
        }

        var a = PeekFold(text, next);
        if (a is 'ね' or 'ぬ')
        {
            return '死';
        }

        if (a == 'に' && PeekFold(text, next + 1) is 'た' or 'そ')
        {
            return '死';
        }

        return f;
    }

    private static char PeekFold(ReadOnlySpan<char> text, int index) =>
        index < text.Length && (Kind[text[index]] & KindMask) == KindLetter ? Fold[text[index]] : '\0';

    /// <summary>
    /// Whether a full-size あ, う or え followed by <paramref name="next"/> (already folded) begins a word rather than
    /// stretching the kana before it: a consonant kana after it continues a word (また|あの, いる|うちに, する|えさ), while
    /// another vowel, a small or long mark, a non-kana character, the end of the text or a sentence-final particle after
    /// it ends a stretch (したあい, つらあ, 死にてえよ, 行かねえし). Round 8 of issue #12: またあの had read as またの.
    /// </summary>
    private static bool StartsWordAfterVowel(char next) =>
        next is >= 'か' and <= 'ゖ' && next is not ('っ' or 'ん') && !SentenceParticles.Contains(next);

    private static bool NextIsKatakana(ReadOnlySpan<char> text, int index) =>
        index < text.Length && (Kind[text[index]] & (KatakanaFlag | KindMask)) is (KatakanaFlag | KindLetter)
            or (KatakanaFlag | KindStretch);

    private static void Extend(int[] ends, int end, ref EmitState state)
    {
        if (state.Length > 0)
        {
            ends[state.Length - 1] = end;
        }
    }

    private static void Compose(char[] table, int end, char[] chars, int[] ends, ref EmitState state)
    {
        var n = state.Length;
        if (n == 0)
        {
            return;
        }

        var previous = chars[n - 1];
        var index = previous - HiraganaBase;
        if (index is >= 0 and < 0x60 && table[index] != '\0')
        {
            chars[n - 1] = table[index];
            ends[n - 1] = end;
            state.Run = 1;
        }
    }

    private static byte VowelOf(char c)
    {
        var index = c - HiraganaBase;
        return index is >= 0 and < 0x60 ? Vowel[index] : (byte)0;
    }

    private static byte VowelOfVowelKana(char c) => c switch
    {
        'あ' => 1,
        'い' => 2,
        'う' => 3,
        'え' => 4,
        'お' => 5,
        _ => 0,
    };

    private static void BuildKanaTables()
    {
        string[] rows =
        [
            "あかさたなはまやらわがざだばぱ",
            "いきしちにひみりぎじぢびぴ",
            "うくすつぬふむゆるぐずづぶぷゔ",
            "えけせてねへめれげぜでべぺ",
            "おこそとのほもよろをごぞどぼぽ",
        ];
        for (var v = 0; v < rows.Length; v++)
        {
            foreach (var k in rows[v])
            {
                Vowel[k - HiraganaBase] = (byte)(v + 1);
            }
        }

        for (var c = HiraganaBase; c < HiraganaBase + 0x60; c++)
        {
            var voiced = (((char)c).ToString() + "\u3099").Normalize(NormalizationForm.FormC);
            if (voiced.Length == 1)
            {
                Voiced[c - HiraganaBase] = voiced[0];
            }

            var semi = (((char)c).ToString() + "\u309A").Normalize(NormalizationForm.FormC);
            if (semi.Length == 1)
            {
                SemiVoiced[c - HiraganaBase] = semi[0];
            }
        }
    }

    private static void ClassifyBmp(char c)
    {
        if (char.IsSurrogate(c))
        {
            Kind[c] = KindSurrogate;
            return;
        }

        if (c is '\n' or '\r' or '\u2028' or '\u2029')
        {
            Kind[c] = KindBreak;
            return;
        }

        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse)
        {
            Kind[c] = KindDrop;
            return;
        }

        string nfkc;
        try
        {
            nfkc = c.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            Kind[c] = KindDrop;
            return;
        }

        if (nfkc.Length != 1)
        {
            if (nfkc.Contains('\u3099'))
            {
                Kind[c] = KindVoiced;
            }
            else if (nfkc.Contains('\u309A'))
            {
                Kind[c] = KindSemiVoiced;
            }
            else if (nfkc.Length <= 3)
            {
                Kind[c] = KindExpand;
                Expansions[c] = nfkc;
            }
            else
            {
                // Long ligatures (﷽, ㍿) carry no risk signal; dropping them bounds the output at 3× the input.
                Kind[c] = KindDrop;
            }

            return;
        }

        var f = nfkc[0];
        var katakana = f is >= '\u30A1' and <= '\u30FA';
        var (kind, folded) = ClassifyFolded(f);
        Kind[c] = (byte)(kind | (katakana ? KatakanaFlag : 0));
        Fold[c] = folded;
    }

    private static (byte Kind, char Folded) ClassifyFolded(char f)
    {
        switch (f)
        {
            case '\u3099':
            case '\u309B':
                return (KindVoiced, '\0');
            case '\u309A':
            case '\u309C':
                return (KindSemiVoiced, '\0');
            case 'ー':
            case '〜':
            case '~':
            case '〰':
            case 'っ':
            case 'ッ':
            case 'ゝ':
            case 'ヽ':
                return (KindStretch, '\0');
            case '。':
            case '!':
            case '?':
            case '‼':
            case '⁉':
                return (KindBreak, '\0');
        }

        if (f is >= '\u30A1' and <= '\u30F6')
        {
            f = (char)(f - 0x60);
        }

        f = f switch
        {
            'ぁ' => 'あ',
            'ぃ' => 'い',
            'ぅ' => 'う',
            'ぇ' => 'え',
            'ぉ' => 'お',
            'ゃ' => 'や',
            'ゅ' => 'ゆ',
            'ょ' => 'よ',
            'ゎ' => 'わ',
            'ゕ' => 'か',
            'ゖ' => 'け',
            _ => f,
        };

        if (char.IsAsciiLetterUpper(f))
        {
            return (KindLetter, char.ToLowerInvariant(f));
        }

        if (char.IsLetterOrDigit(f))
        {
            return (KindLetter, char.ToLowerInvariant(f));
        }

        // Spaces, punctuation and symbols: dropped, but they end a stretch (see KindSeparator).
        return (KindSeparator, '\0');
    }

    private struct EmitState
    {
        public int Length;
        public int Run;
        public bool PreviousWasKatakanaTa;
        public bool PreviousKatakana;

        /// <summary>A space, punctuation mark or symbol came since the last letter.</summary>
        public bool AfterSeparator;

        /// <summary>The letter being emitted is a full-size お (not ぉ), which may begin a word.</summary>
        public bool FullSizeO;

        /// <summary>The letter being emitted is a full-size い (not ぃ), which may begin a word (にいま).</summary>
        public bool FullSizeI;

        /// <summary>The letter being emitted is a full-size あ, う or え before a consonant kana, which begins a word (またあの).</summary>
        public bool VowelStartsWord;

        /// <summary>The last letter was a small ゃ, ゅ or ょ: a vowel after it is the word's own long vowel.</summary>
        public bool AfterSmallY;

        /// <summary>The output's <see cref="NormalizedText.TsuAfter"/> buffer.</summary>
        public bool[] TsuAfter;

        public bool AnyTsu;
    }
}

/// <summary>Reusable buffers of one normalized text: characters and their original spans.</summary>
internal sealed class NormalizedText
{
    public char[] Chars { get; private set; } = new char[256];

    /// <summary>Start index in the original text of each normalized character.</summary>
    public int[] Starts { get; private set; } = new int[256];

    /// <summary>End index (exclusive) in the original text of each normalized character.</summary>
    public int[] Ends { get; private set; } = new int[256];

    /// <summary>
    /// True where a small っ was dropped right after the character (いっしょ → い, then し): a term must not match
    /// across such a gap unless the term itself had a small っ there (<see cref="TsuInside"/>).
    /// </summary>
    public bool[] TsuAfter { get; private set; } = new bool[256];

    public int Length { get; set; }

    /// <summary>Some small っ was dropped in this text (<see cref="TsuAfter"/> has a true entry).</summary>
    public bool AnyTsu { get; set; }

    /// <summary>
    /// Bit g set: a small っ was dropped between normalized characters start+g and start+g+1 (g below 64).
    /// A matcher compares it with the term's own bits, so that いっしょ is not the term いしょ while 真っ暗 stays 真っ暗.
    /// </summary>
    public ulong TsuInside(int start, int end)
    {
        ulong bits = 0;
        if (!AnyTsu)
        {
            return bits;
        }

        var last = Math.Min(end - 1, start + 64);
        for (var k = start; k < last; k++)
        {
            if (TsuAfter[k])
            {
                bits |= 1UL << (k - start);
            }
        }

        return bits;
    }

    public void EnsureCapacity(int inputLength)
    {
        var needed = JapaneseNormalizer.MaxOutputLength(inputLength);
        if (Chars.Length >= needed)
        {
            return;
        }

        var size = Math.Max(needed, Chars.Length * 2);
        Chars = new char[size];
        Starts = new int[size];
        Ends = new int[size];
        TsuAfter = new bool[size];
    }
}
