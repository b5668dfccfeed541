using System.Globalization;

namespace ChatSupport.Domain.Risk;

/// <summary>
/// Quality figures of the engine against labelled messages: the confusion matrix, the three figures the
/// floor is set on (recall of high and above, critical recall, false alarms on none/low) and the precision
/// of each situation rule. A figure whose gold class is empty is <c>null</c> and printed as n/a: an empty
/// class is never read as "no misses" or "no false alarms".
/// </summary>
public sealed class RiskEvaluation
{
    private readonly int[,] _matrix = new int[5, 5];
    private readonly SortedDictionary<string, (int Fired, int Right)> _rules = new(StringComparer.Ordinal);

    /// <summary>Counts by [gold, predicted] level.</summary>
    public int this[RiskLevel gold, RiskLevel predicted] => _matrix[(int)gold, (int)predicted];

    public int Total { get; private set; }

    public void Add(RiskLevel gold, RiskLevel predicted)
    {
        _matrix[(int)gold, (int)predicted]++;
        Total++;
    }

    /// <summary>
    /// Records that <paramref name="rule"/> fired on a message of level <paramref name="gold"/>. A raising rule is
    /// right when the gold level is at least high (it said "danger"); a dampener is right when the gold level is
    /// at most its cap.
    /// </summary>
    public void AddRule(SituationRule rule, RiskLevel gold)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var right = rule.IsDampener ? gold <= rule.Cap : gold >= RiskLevel.High;
        _rules.TryGetValue(rule.Id, out var counts);
        _rules[rule.Id] = (counts.Fired + 1, counts.Right + (right ? 1 : 0));
    }

    /// <summary>Per rule: how often it fired and how often the gold level agreed (see <see cref="AddRule"/>).</summary>
    public IReadOnlyDictionary<string, (int Fired, int Right)> RuleCounts => _rules;

    /// <summary>Share of gold ≥ high predicted ≥ high; null when no gold message is high or critical.</summary>
    public double? HighRecall => Ratio(g => g >= RiskLevel.High, p => p >= RiskLevel.High);

    /// <summary>Share of gold critical predicted critical; null when no gold message is critical.</summary>
    public double? CriticalRecall => Ratio(g => g == RiskLevel.Critical, p => p == RiskLevel.Critical);

    /// <summary>Share of gold none or low predicted ≥ high (false alarms); null when no gold message is none or low.</summary>
    public double? LowFlaggedHigh => Ratio(g => g <= RiskLevel.Low, p => p >= RiskLevel.High);

    /// <summary>Share predicted exactly at the gold level; null when empty.</summary>
    public double? ExactAgreement => Ratio(_ => true, null);

    /// <summary>Messages whose gold level is ≥ high, critical, none/low (the denominators of the figures).</summary>
    public int GoldHighCount => Count(g => g >= RiskLevel.High);

    public int GoldCriticalCount => Count(g => g == RiskLevel.Critical);

    public int GoldLowCount => Count(g => g <= RiskLevel.Low);

    /// <summary>A figure as text: three decimals, or "n/a" when its gold class is empty.</summary>
    public static string Show(double? figure) =>
        figure is { } f ? f.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The matrix, the figures (n/a for an empty class) and the per-rule precision as plain text.</summary>
    public string Format()
    {
        var levels = Enum.GetValues<RiskLevel>();
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("gold \\ predicted   none    low medium   high critical");
        foreach (var g in levels)
        {
            w.Write($"{g.ToWire(),-17}");
            foreach (var p in levels)
            {
                w.Write($"{_matrix[(int)g, (int)p],7}");
            }

            w.WriteLine();
        }

        w.WriteLine($"messages: {Total}");
        w.WriteLine($"recall gold>=high predicted>=high: {Show(HighRecall)} (n={GoldHighCount})");
        w.WriteLine($"recall gold=critical predicted=critical: {Show(CriticalRecall)} (n={GoldCriticalCount})");
        w.WriteLine($"share gold none/low predicted>=high: {Show(LowFlaggedHigh)} (n={GoldLowCount})");
        w.WriteLine($"exact level agreement: {Show(ExactAgreement)}");
        if (_rules.Count > 0)
        {
            w.WriteLine("rule precision (raising: gold >= high; dampener: gold <= cap):");
            foreach (var (id, (fired, right)) in _rules)
            {
                w.WriteLine($"  {id,-28} fired {fired,4}  right {right,4}  precision {Show((double)right / fired)}");
            }
        }

        return w.ToString();
    }

    private int Count(Func<RiskLevel, bool> goldFilter)
    {
        var n = 0;
        foreach (var g in Enum.GetValues<RiskLevel>().Where(goldFilter))
        {
            for (var p = 0; p < 5; p++)
            {
                n += _matrix[(int)g, p];
            }
        }

        return n;
    }

    private double? Ratio(Func<RiskLevel, bool> goldFilter, Func<RiskLevel, bool>? predictedFilter)
    {
        var levels = Enum.GetValues<RiskLevel>();
        int n = 0, hit = 0;
        foreach (var g in levels.Where(goldFilter))
        {
            foreach (var p in levels)
            {
                var count = _matrix[(int)g, (int)p];
                n += count;
                if (predictedFilter is null ? p == g : predictedFilter(p))
                {
                    hit += count;
                }
            }
        }

        return n == 0 ? null : (double)hit / n;
    }
}
