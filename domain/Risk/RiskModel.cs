using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ChatSupport.Domain.Risk;

/// <summary>
/// The learned backstop behind the lexicon: two logistic regressions over the character 1–3-grams of the normalized
/// text (the same <see cref="JapaneseNormalizer"/> output the lexicon reads), one for "high or above" and one for
/// "critical". It is built by <see cref="RiskModelTrainer"/> from the labelled sets our writers wrote apart
/// (tests/datasets/risk, never the shared dev files) and embedded as reviewed data (Risk/Model/risk-model.tsv).
/// </summary>
/// <remarks>
/// It only ever raises, and only where the lexicon did not say the words meant something else (hyperbole, a joke,
/// a negation, the past, or a dampener such as study or a game): see <see cref="RiskScanner"/>. Scoring allocates
/// nothing: the weights sit in an open-addressing table keyed by the packed n-gram.
/// </remarks>
public sealed class RiskModel
{
    /// <summary>The character written for the start and end of a message in the model file (and nowhere else).</summary>
    public const char Boundary = '␣';

    /// <summary>The character written for <see cref="JapaneseNormalizer.ClauseBreak"/> (a sentence or clause end) in the model file.</summary>
    public const char ClauseMark = '¦';

    /// <summary>Messages shorter than this (normalized characters) are left to the lexicon.</summary>
    public const int MinimumLength = 8;

    /// <summary>
    /// Where the lexicon read below high and both heads are at least this sure (P(high or above) and P(critical)), the
    /// backstop raises straight to critical (round 15). Chosen leaving each writer's set out of training and reading it
    /// with a lexicon that had not read it either: apart16/17 and apart18 gained 16 critical lines and no line labelled
    /// high or below became critical; on known sets two ordinary lines already raised to high became critical
    /// (docs/risk.md, "Round 15").
    /// </summary>
    public const float BothHeadsConfident = 0.9f;

    /// <summary>
    /// The harms the category heads read (round 16): the categories the crisis replies choose their template by
    /// (dialogs/Consultation, HarmClassifier). Their order is the order of the columns in the model file.
    /// </summary>
    public static IReadOnlyList<SupportCategory> HeadCategories { get; } =
        [SupportCategory.Suicidal, SupportCategory.SelfHarm, SupportCategory.Abuse, SupportCategory.Dv, SupportCategory.SexualViolence, SupportCategory.OnlineHarm];

    /// <summary>The mask of <see cref="HeadCategories"/>: a lexicon reading with any of them already names the harm.</summary>
    public static uint HarmMask { get; } = HeadCategories.Aggregate(0u, (m, c) => m | (1u << (int)c));

    private const int HeadCount = 6;

    private const string ResourceName = "ChatSupport.Domain.Risk.Model.risk-model.tsv";

    private static readonly Lazy<RiskModel> Embedded = new(() =>
    {
        using var stream = typeof(RiskModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded risk model {ResourceName} could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    });

    // One 16-byte slot holds the key and both weights: a lookup touches one cache line.
    private readonly Slot[] _slots;
    private readonly int _mask;

    // The category heads' weights, HeadCount per slot of _slots (empty when the model has no category heads).
    private readonly float[] _categoryWeights;
    private readonly float[] _categoryBiases;

    public RiskModel(string version, (float Alone, float WithSignal, float Critical) thresholds, float highBias, float criticalBias, IReadOnlyDictionary<string, (float High, float Critical)> weights)
        : this(version, thresholds, highBias, criticalBias, weights, null)
    {
    }

    /// <param name="categoryHeads">
    /// One-vs-rest heads for <see cref="HeadCategories"/> (round 16): the threshold from which a head's category is added
    /// to a raise that named no harm, the biases and the weights by n-gram (each array in the order of
    /// <see cref="HeadCategories"/>; an n-gram missing here weighs 0). Null: a model without category heads.
    /// </param>
    public RiskModel(
        string version,
        (float Alone, float WithSignal, float Critical) thresholds,
        float highBias,
        float criticalBias,
        IReadOnlyDictionary<string, (float High, float Critical)> weights,
        (float Threshold, float[] Biases, IReadOnlyDictionary<string, float[]> Weights)? categoryHeads)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(weights);
        var (alone, highThreshold, criticalThreshold) = thresholds;
        if (alone is <= 0 or >= 1 || highThreshold is <= 0 or >= 1 || criticalThreshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholds), "Thresholds are probabilities strictly between 0 and 1.");
        }

        Version = version;
        HighThresholdAlone = alone;
        HighThreshold = highThreshold;
        CriticalThreshold = criticalThreshold;
        HighBias = highBias;
        CriticalBias = criticalBias;
        Weights = weights;
        var size = 16;
        while (size < weights.Count * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        foreach (var (gram, (high, critical)) in weights)
        {
            var key = KeyOf(FromFile(gram));
            var slot = Probe(key);
            if (_slots[slot].Key == key)
            {
                throw new FormatException($"The n-gram '{gram}' appears twice in the risk model.");
            }

            _slots[slot] = new Slot(key, high, critical);
        }

        CategoryWeights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        _categoryWeights = [];
        _categoryBiases = [];
        if (categoryHeads is { } heads)
        {
            if (heads.Threshold is <= 0 or >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(categoryHeads), "The category threshold is a probability strictly between 0 and 1.");
            }

            if (heads.Biases.Length != HeadCount || heads.Weights.Values.Any(w => w.Length != HeadCount))
            {
                throw new FormatException($"The category heads have {HeadCount} columns ({string.Join(", ", HeadCategories.Select(c => c.ToWire()))}).");
            }

            CategoryThreshold = heads.Threshold;
            CategoryWeights = heads.Weights;
            _categoryBiases = [.. heads.Biases];
            _categoryWeights = new float[size * HeadCount];
            foreach (var (gram, values) in heads.Weights)
            {
                var slot = Find(KeyOf(FromFile(gram)));
                if (slot < 0)
                {
                    throw new FormatException($"The n-gram '{gram}' has category weights but no high and critical weights.");
                }

                values.CopyTo(_categoryWeights, slot * HeadCount);
            }
        }
    }

    public string Version { get; }

    /// <summary>P(high or above) from which the model raises to high a message in which the lexicon found nothing.</summary>
    public float HighThresholdAlone { get; }

    /// <summary>P(high or above) from which the model raises to high a message the lexicon read as low or medium.</summary>
    public float HighThreshold { get; }

    /// <summary>P(critical) from which the model raises to critical a message the lexicon itself read as high.</summary>
    public float CriticalThreshold { get; }

    public float HighBias { get; }

    public float CriticalBias { get; }

    /// <summary>Whether the model has the round-16 category heads.</summary>
    public bool HasCategoryHeads => _categoryBiases.Length == HeadCount;

    /// <summary>P(category) from which a head's category is added to a backstop raise that named no harm (0 without heads).</summary>
    public float CategoryThreshold { get; }

    /// <summary>The category heads' biases, in the order of <see cref="HeadCategories"/> (empty without heads).</summary>
    public IReadOnlyList<float> CategoryBiases => _categoryBiases;

    /// <summary>The category heads' weights by n-gram as the file writes them, in the order of <see cref="HeadCategories"/>.</summary>
    public IReadOnlyDictionary<string, float[]> CategoryWeights { get; }

    /// <summary>The weights by n-gram as the file writes them (<see cref="Boundary"/>, <see cref="ClauseMark"/>).</summary>
    public IReadOnlyDictionary<string, (float High, float Critical)> Weights { get; }

    /// <summary>The model embedded in the domain library (parsed once per process).</summary>
    public static RiskModel LoadEmbedded() => Embedded.Value;

    /// <summary>Probabilities for a message (normalizes it; allocates, for tools and tests).</summary>
    public (float High, float Critical) Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new NormalizedText();
        JapaneseNormalizer.Normalize(text, normalized);
        return Score(normalized);
    }

    /// <summary>
    /// The n-grams of <paramref name="text"/> that pushed most toward "high or above", strongest first (the boundary
    /// and clause break written as in the file): what a counselor reads as the model's reason.
    /// </summary>
    public IReadOnlyList<string> Evidence(string text, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new NormalizedText();
        JapaneseNormalizer.Normalize(text, normalized);
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        ForEachGram(normalized, (gram, key) =>
        {
            var slot = Find(key);
            if (slot >= 0 && _slots[slot].High > 0)
            {
                found[ToFile(gram)] = _slots[slot].High;
            }
        });
        return found.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => p.Key).ToList();
    }

    /// <summary>P(category) of each head, in the order of <see cref="HeadCategories"/> (allocates, for tools and tests; empty without heads).</summary>
    public IReadOnlyList<(SupportCategory Category, float Probability)> ScoreCategories(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasCategoryHeads)
        {
            return [];
        }

        var normalized = new NormalizedText();
        JapaneseNormalizer.Normalize(text, normalized);
        var sum = new CategorySum(this);
        Walk(normalized, ref sum);
        var result = new (SupportCategory, float)[HeadCount];
        for (var k = 0; k < HeadCount; k++)
        {
            result[k] = (HeadCategories[k], Sigmoid(sum.Sums[k]));
        }

        return result;
    }

    /// <summary>
    /// The mask (bit = <see cref="SupportCategory"/>) of the heads at or over <see cref="CategoryThreshold"/>; 0 without
    /// heads. Allocates nothing: one more walk over the n-grams, only for a message the backstop raised.
    /// </summary>
    internal uint CategoryMask(NormalizedText text)
    {
        if (!HasCategoryHeads)
        {
            return 0;
        }

        var sum = new CategorySum(this);
        Walk(text, ref sum);
        var mask = 0u;
        for (var k = 0; k < HeadCount; k++)
        {
            if (Sigmoid(sum.Sums[k]) >= CategoryThreshold)
            {
                mask |= 1u << (int)HeadCategories[k];
            }
        }

        return mask;
    }

    internal (float High, float Critical) Score(NormalizedText text)
    {
        var sum = new Sum(this);
        Walk(text, ref sum);
        return (Sigmoid(sum.High), Sigmoid(sum.Critical));
    }

    /// <summary>Reads the model file (tab-separated; see docs/risk.md, "The learned backstop").</summary>
    public static RiskModel Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? version = null;
        float? alone = null, highThreshold = null, criticalThreshold = null, highBias = null, criticalBias = null;
        var weights = new Dictionary<string, (float, float)>(StringComparer.Ordinal);
        float? categoryThreshold = null;
        float[]? categoryBiases = null;
        var categoryWeights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "version" when fields.Length == 2:
                    version = fields[1];
                    break;
                case "threshold" when fields.Length == 4:
                    alone = Number(fields[1], number);
                    highThreshold = Number(fields[2], number);
                    criticalThreshold = Number(fields[3], number);
                    break;
                case "bias" when fields.Length == 3:
                    highBias = Number(fields[1], number);
                    criticalBias = Number(fields[2], number);
                    break;
                case "categories" when fields.Length == HeadCount + 1:
                    if (!fields.Skip(1).SequenceEqual(HeadCategories.Select(c => c.ToWire()), StringComparer.Ordinal))
                    {
                        throw new FormatException($"Risk model line {number}: the category heads are {string.Join(", ", HeadCategories.Select(c => c.ToWire()))}, in that order.");
                    }

                    break;
                case "category_threshold" when fields.Length == 2:
                    categoryThreshold = Number(fields[1], number);
                    break;
                case "category_bias" when fields.Length == HeadCount + 1:
                    categoryBiases = fields.Skip(1).Select(f => Number(f, number)).ToArray();
                    break;
                default:
                    var columns = categoryBiases is null ? 3 : 3 + HeadCount;
                    if (fields.Length != columns || fields[0].Length is 0 or > 3 || fields[0].Contains(' ', StringComparison.Ordinal))
                    {
                        throw new FormatException(columns == 3
                            ? $"Risk model line {number}: expected 'n-gram<TAB>high<TAB>critical'."
                            : $"Risk model line {number}: expected 'n-gram<TAB>high<TAB>critical' and {HeadCount} category weights.");
                    }

                    if (!weights.TryAdd(fields[0], (Number(fields[1], number), Number(fields[2], number))))
                    {
                        throw new FormatException($"Risk model line {number}: the n-gram '{fields[0]}' appears twice.");
                    }

                    if (columns > 3)
                    {
                        categoryWeights[fields[0]] = fields.Skip(3).Select(f => Number(f, number)).ToArray();
                    }

                    break;
            }
        }

        if (version is null || alone is null || highThreshold is null || criticalThreshold is null || highBias is null || criticalBias is null)
        {
            throw new FormatException("Risk model: the version, threshold and bias lines are required.");
        }

        if ((categoryBiases is null) != (categoryThreshold is null))
        {
            throw new FormatException("Risk model: the category_threshold and category_bias lines come together.");
        }

        return new RiskModel(
            version,
            (alone.Value, highThreshold.Value, criticalThreshold.Value),
            highBias.Value,
            criticalBias.Value,
            weights,
            categoryBiases is null ? null : (categoryThreshold!.Value, categoryBiases, categoryWeights));
    }

    /// <summary>Writes the model file: a header, then one n-gram per line in ordinal order (so a diff reads well).</summary>
    public void Write(TextWriter writer, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var comment in comments ?? [])
        {
            writer.Write("# ");
            writer.Write(comment);
            writer.Write('\n');
        }

        writer.Write($"version\t{Version}\n");
        writer.Write($"threshold\t{Format(HighThresholdAlone)}\t{Format(HighThreshold)}\t{Format(CriticalThreshold)}\n");
        writer.Write($"bias\t{Format(HighBias)}\t{Format(CriticalBias)}\n");
        if (HasCategoryHeads)
        {
            writer.Write($"categories\t{string.Join('\t', HeadCategories.Select(c => c.ToWire()))}\n");
            writer.Write($"category_threshold\t{Format(CategoryThreshold)}\n");
            writer.Write($"category_bias\t{string.Join('\t', _categoryBiases.Select(Format))}\n");
        }

        foreach (var (gram, (high, critical)) in Weights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write($"{gram}\t{Format(high)}\t{Format(critical)}");
            if (HasCategoryHeads)
            {
                foreach (var w in CategoryWeights.TryGetValue(gram, out var values) ? values : new float[HeadCount])
                {
                    writer.Write('\t');
                    writer.Write(Format(w));
                }
            }

            writer.Write('\n');
        }
    }

    internal static string Format(float value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>Calls <paramref name="visit"/> for every n-gram of the text (the boundary as a space), in the order <see cref="Score(NormalizedText)"/> reads them.</summary>
    internal static void ForEachGram(NormalizedText text, Action<string, ulong> visit)
    {
        var strings = new Strings(visit);
        Walk(text, ref strings);
    }

    /// <summary>
    /// The one walk over a text's n-grams: positions -1 and length are the message boundary (a space); every 1-, 2- and
    /// 3-gram with a real character is visited by its packed key. Generic over a struct, so scoring allocates nothing.
    /// </summary>
    private static void Walk<TVisitor>(NormalizedText text, ref TVisitor visitor)
        where TVisitor : struct, IGramVisitor
    {
        var chars = text.Chars;
        var length = text.Length;
        for (var i = -1; i < length; i++)
        {
            var c0 = At(chars, length, i);
            var c1 = At(chars, length, i + 1);
            var c2 = At(chars, length, i + 2);
            if (i >= 0)
            {
                visitor.Visit(Pack(1, c0, '\0', '\0'));
            }

            if (i + 1 <= length)
            {
                visitor.Visit(Pack(2, c0, c1, '\0'));
            }

            if (i + 2 <= length && length > 0)
            {
                visitor.Visit(Pack(3, c0, c1, c2));
            }
        }
    }

    /// <summary>The characters of a packed key.</summary>
    private static string GramOf(ulong key)
    {
        var n = (int)(key >> 48);
        Span<char> chars = [(char)(key & 0xFFFF), (char)((key >> 16) & 0xFFFF), (char)((key >> 32) & 0xFFFF)];
        return new string(chars[..n]);
    }

    /// <summary>An n-gram as the file writes it: the boundary and the clause break as visible characters.</summary>
    internal static string ToFile(string gram) => gram.Replace(' ', Boundary).Replace(JapaneseNormalizer.ClauseBreak, ClauseMark);

    private static string FromFile(string gram) => gram.Replace(Boundary, ' ').Replace(ClauseMark, JapaneseNormalizer.ClauseBreak);

    internal static ulong KeyOf(string gram) => gram.Length switch
    {
        1 => Pack(1, gram[0], '\0', '\0'),
        2 => Pack(2, gram[0], gram[1], '\0'),
        3 => Pack(3, gram[0], gram[1], gram[2]),
        _ => throw new FormatException($"An n-gram has one to three characters: '{gram}'."),
    };

    internal static float Sigmoid(double z) => (float)(1.0 / (1.0 + Math.Exp(-Math.Clamp(z, -30, 30))));

    private static ulong Pack(int n, char c0, char c1, char c2) => ((ulong)n << 48) | ((ulong)c2 << 32) | ((ulong)c1 << 16) | c0;

    private static char At(char[] chars, int length, int i) => i < 0 || i >= length ? ' ' : chars[i];

    private static float Number(string field, int line) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
            ? value
            : throw new FormatException($"Risk model line {line}: '{field}' is not a number.");

    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & _mask;

    /// <summary>The slot that holds <paramref name="key"/>, or the empty slot where it would go (linear probing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ulong key)
    {
        var slots = _slots;
        var slot = Home(key);
        while (slots[slot].Key != key && slots[slot].Key != 0)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private int Find(ulong key)
    {
        var slot = Probe(key);
        return _slots[slot].Key == key ? slot : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(ulong key, ref float high, ref float critical)
    {
        ref readonly var s = ref _slots[Probe(key)];
        if (s.Key == key)
        {
            high += s.High;
            critical += s.Critical;
        }
    }

    private readonly record struct Slot(ulong Key, float High, float Critical);

    private interface IGramVisitor
    {
        void Visit(ulong key);
    }

    private struct Sum(RiskModel model) : IGramVisitor
    {
        public float High = model.HighBias;
        public float Critical = model.CriticalBias;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(ulong key) => model.Add(key, ref High, ref Critical);
    }

    [InlineArray(HeadCount)]
    private struct HeadSums
    {
        private float _first;
    }

    private struct CategorySum : IGramVisitor
    {
        public HeadSums Sums;
        private readonly RiskModel _model;

        public CategorySum(RiskModel model)
        {
            _model = model;
            for (var k = 0; k < HeadCount; k++)
            {
                Sums[k] = model._categoryBiases[k];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(ulong key)
        {
            var slot = _model.Find(key);
            if (slot >= 0)
            {
                var weights = _model._categoryWeights.AsSpan(slot * HeadCount, HeadCount);
                for (var k = 0; k < HeadCount; k++)
                {
                    Sums[k] += weights[k];
                }
            }
        }
    }

    private readonly struct Strings(Action<string, ulong> visit) : IGramVisitor
    {
        public void Visit(ulong key) => visit(GramOf(key), key);
    }
}
