using System.Globalization;

namespace ChatSupport.Domain.Understanding;

/// <summary>The labels of one message, gold or predicted, as wire strings.</summary>
/// <param name="Intents">Intent wire names.</param>
/// <param name="Categories">Category wire names.</param>
/// <param name="HasAgeBand">Whether the labelled line gives ageBand (null is a value: "not said").</param>
/// <param name="AgeBand">Age band wire name or null.</param>
/// <param name="HasPrefecture">Whether the labelled line gives prefecture.</param>
/// <param name="Prefecture">JIS code or null.</param>
public sealed record UnderstandingLabels(
    IReadOnlyCollection<string> Intents,
    IReadOnlyCollection<string> Categories,
    bool HasAgeBand,
    string? AgeBand,
    bool HasPrefecture,
    string? Prefecture)
{
    public static UnderstandingLabels From(MessageUnderstanding understanding)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        return new(
            understanding.Intents.Select(i => i.ToWire()).ToList(),
            understanding.Categories.Select(c => Risk.SupportCategories.ToWire(c)).ToList(),
            true,
            understanding.AgeBand?.ToWire(),
            true,
            understanding.PrefectureCode);
    }
}

/// <summary>Precision, recall and F1 of one label; null where a figure is undefined (no predictions, no gold).</summary>
public sealed record LabelFigures(string Label, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>F1; null when the label occurs neither in gold nor in predictions (an empty class).</summary>
    public double? F1 => TruePositives + FalsePositives + FalseNegatives == 0
        ? null
        : 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives);
}

/// <summary>
/// Quality figures of understanding against labelled messages: per intent and per category precision,
/// recall and F1, micro-F1 over each label set, and the accuracy of ageBand and prefecture over the
/// lines that give them.
/// </summary>
public sealed class UnderstandingEvaluation
{
    private readonly Dictionary<string, int[]> _intents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _categories = new(StringComparer.Ordinal);

    public UnderstandingEvaluation()
    {
        foreach (var i in Understanding.Intents.All)
        {
            _intents[i.ToWire()] = new int[3];
        }

        foreach (var c in Risk.SupportCategories.All)
        {
            _categories[Risk.SupportCategories.ToWire(c)] = new int[3];
        }
    }

    public int Total { get; private set; }

    public int AgeBandGiven { get; private set; }

    public int AgeBandCorrect { get; private set; }

    /// <summary>Lines whose gold ageBand is not null.</summary>
    public int AgeBandStated { get; private set; }

    public int AgeBandStatedCorrect { get; private set; }

    public int PrefectureGiven { get; private set; }

    public int PrefectureCorrect { get; private set; }

    public int PrefectureStated { get; private set; }

    public int PrefectureStatedCorrect { get; private set; }

    public void Add(UnderstandingLabels gold, UnderstandingLabels predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        Total++;
        Count(_intents, gold.Intents, predicted.Intents);
        Count(_categories, gold.Categories, predicted.Categories);
        if (gold.HasAgeBand)
        {
            var correct = string.Equals(gold.AgeBand, predicted.AgeBand, StringComparison.Ordinal);
            AgeBandGiven++;
            AgeBandCorrect += correct ? 1 : 0;
            if (gold.AgeBand is not null)
            {
                AgeBandStated++;
                AgeBandStatedCorrect += correct ? 1 : 0;
            }
        }

        if (gold.HasPrefecture)
        {
            var correct = string.Equals(gold.Prefecture, predicted.Prefecture, StringComparison.Ordinal);
            PrefectureGiven++;
            PrefectureCorrect += correct ? 1 : 0;
            if (gold.Prefecture is not null)
            {
                PrefectureStated++;
                PrefectureStatedCorrect += correct ? 1 : 0;
            }
        }
    }

    public IReadOnlyList<LabelFigures> IntentFigures => Figures(_intents);

    public IReadOnlyList<LabelFigures> CategoryFigures => Figures(_categories);

    public double? IntentsMicroF1 => Micro(_intents);

    public double? CategoriesMicroF1 => Micro(_categories);

    /// <summary>Share of lines giving ageBand (null included: "not said") where the prediction equals it.</summary>
    public double? AgeBandAccuracy => AgeBandGiven == 0 ? null : (double)AgeBandCorrect / AgeBandGiven;

    /// <summary>The same over lines whose gold ageBand is not null.</summary>
    public double? AgeBandStatedAccuracy => AgeBandStated == 0 ? null : (double)AgeBandStatedCorrect / AgeBandStated;

    public double? PrefectureAccuracy => PrefectureGiven == 0 ? null : (double)PrefectureCorrect / PrefectureGiven;

    public double? PrefectureStatedAccuracy => PrefectureStated == 0 ? null : (double)PrefectureStatedCorrect / PrefectureStated;

    /// <summary>The figures as plain text (n/a where undefined).</summary>
    public string Format()
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"messages {Total}");
        Table(w, "intent", IntentFigures);
        w.WriteLine($"intents micro-F1 {F(IntentsMicroF1)}");
        Table(w, "category", CategoryFigures);
        w.WriteLine($"categories micro-F1 {F(CategoriesMicroF1)}");
        w.WriteLine($"ageBand accuracy {F(AgeBandAccuracy)} ({AgeBandCorrect}/{AgeBandGiven}); where stated {F(AgeBandStatedAccuracy)} ({AgeBandStatedCorrect}/{AgeBandStated})");
        w.WriteLine($"prefecture accuracy {F(PrefectureAccuracy)} ({PrefectureCorrect}/{PrefectureGiven}); where stated {F(PrefectureStatedAccuracy)} ({PrefectureStatedCorrect}/{PrefectureStated})");
        return w.ToString();
    }

    private static void Table(StringWriter w, string title, IReadOnlyList<LabelFigures> figures)
    {
        w.WriteLine($"{title,-16} {"P",6} {"R",6} {"F1",6} {"tp",4} {"fp",4} {"fn",4}");
        foreach (var f in figures)
        {
            w.WriteLine($"{f.Label,-16} {F(f.Precision),6} {F(f.Recall),6} {F(f.F1),6} {f.TruePositives,4} {f.FalsePositives,4} {f.FalseNegatives,4}");
        }
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static void Count(Dictionary<string, int[]> counts, IReadOnlyCollection<string> gold, IReadOnlyCollection<string> predicted)
    {
        foreach (var g in gold.Distinct(StringComparer.Ordinal))
        {
            var c = Slot(counts, g);
            if (predicted.Contains(g, StringComparer.Ordinal))
            {
                c[0]++;
            }
            else
            {
                c[2]++;
            }
        }

        foreach (var p in predicted.Distinct(StringComparer.Ordinal))
        {
            if (!gold.Contains(p, StringComparer.Ordinal))
            {
                Slot(counts, p)[1]++;
            }
        }
    }

    private static int[] Slot(Dictionary<string, int[]> counts, string label)
    {
        if (!counts.TryGetValue(label, out var c))
        {
            c = new int[3];
            counts[label] = c;
        }

        return c;
    }

    private static List<LabelFigures> Figures(Dictionary<string, int[]> counts) =>
        counts.Select(kv => new LabelFigures(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2])).ToList();

    private static double? Micro(Dictionary<string, int[]> counts)
    {
        var tp = counts.Values.Sum(c => c[0]);
        var fp = counts.Values.Sum(c => c[1]);
        var fn = counts.Values.Sum(c => c[2]);
        return tp + fp + fn == 0 ? null : 2.0 * tp / ((2.0 * tp) + fp + fn);
    }
}
