namespace ChatSupport.Domain.Risk;

/// <summary>
/// Quality figures of the engine against labelled messages: the confusion matrix and the three
/// figures the floor is set on (recall of high and above, critical recall, false alarms on none/low).
/// </summary>
public sealed class RiskEvaluation
{
    private readonly int[,] _matrix = new int[5, 5];

    /// <summary>Counts by [gold, predicted] level.</summary>
    public int this[RiskLevel gold, RiskLevel predicted] => _matrix[(int)gold, (int)predicted];

    public int Total { get; private set; }

    public void Add(RiskLevel gold, RiskLevel predicted)
    {
        _matrix[(int)gold, (int)predicted]++;
        Total++;
    }

    /// <summary>Share of gold ≥ high predicted ≥ high.</summary>
    public double HighRecall => Ratio(g => g >= RiskLevel.High, p => p >= RiskLevel.High);

    /// <summary>Share of gold critical predicted critical.</summary>
    public double CriticalRecall => Ratio(g => g == RiskLevel.Critical, p => p == RiskLevel.Critical);

    /// <summary>Share of gold none or low predicted ≥ high (false alarms).</summary>
    public double LowFlaggedHigh => Ratio(g => g <= RiskLevel.Low, p => p >= RiskLevel.High);

    /// <summary>Share predicted exactly at the gold level.</summary>
    public double ExactAgreement => Ratio(_ => true, null);

    /// <summary>The matrix and the figures as plain text.</summary>
    public string Format()
    {
        var levels = Enum.GetValues<RiskLevel>();
        var w = new StringWriter();
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
        w.WriteLine($"recall gold>=high predicted>=high: {HighRecall:0.000}");
        w.WriteLine($"recall gold=critical predicted=critical: {CriticalRecall:0.000}");
        w.WriteLine($"share gold none/low predicted>=high: {LowFlaggedHigh:0.000}");
        w.WriteLine($"exact level agreement: {ExactAgreement:0.000}");
        return w.ToString();
    }

    private double Ratio(Func<RiskLevel, bool> goldFilter, Func<RiskLevel, bool>? predictedFilter)
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

        return n == 0 ? 0 : (double)hit / n;
    }
}
