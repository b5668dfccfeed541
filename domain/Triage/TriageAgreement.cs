using System.Globalization;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Triage;

/// <summary>
/// Agreement between the AI and the supervisors for one prompt version (ETH-08): the confusion matrix
/// [AI level, supervisor level], the share of exact agreement, Cohen's kappa (unweighted) and the quadratic
/// weighted kappa (levels are ordered, so near misses count partly).
/// </summary>
public sealed class TriageAgreement
{
    private readonly int[,] _matrix = new int[5, 5];

    public TriageAgreement(string promptVersion) => PromptVersion = promptVersion;

    public string PromptVersion { get; }

    public int Total { get; private set; }

    /// <summary>Counts by [AI level, supervisor level].</summary>
    public int this[RiskLevel ai, RiskLevel supervisor] => _matrix[(int)ai, (int)supervisor];

    public void Add(RiskLevel ai, RiskLevel supervisor)
    {
        _matrix[(int)ai, (int)supervisor]++;
        Total++;
    }

    /// <summary>Share of reviews where the supervisor kept the AI's level; null without reviews.</summary>
    public double? ObservedAgreement => Total == 0 ? null : Diagonal() / Total;

    /// <summary>Cohen's kappa: (po − pe) / (1 − pe); null without reviews; 1 when both always used one same level.</summary>
    public double? Kappa => WeightedKappa((i, j) => i == j ? 0 : 1);

    /// <summary>Kappa with quadratic disagreement weights ((i − j)² / 16).</summary>
    public double? QuadraticWeightedKappa => WeightedKappa((i, j) => (i - j) * (i - j) / 16.0);

    /// <summary>The matrix and figures as plain text.</summary>
    public string Format()
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"prompt {PromptVersion}: {Total} reviewed");
        w.WriteLine("ai \\ supervisor    none    low medium   high critical");
        foreach (var a in Enum.GetValues<RiskLevel>())
        {
            w.Write($"{a.ToWire(),-17}");
            foreach (var s in Enum.GetValues<RiskLevel>())
            {
                w.Write($"{_matrix[(int)a, (int)s],7}");
            }

            w.WriteLine();
        }

        w.WriteLine($"agreement: {Show(ObservedAgreement)}  kappa: {Show(Kappa)}  weighted kappa: {Show(QuadraticWeightedKappa)}");
        return w.ToString();

        static string Show(double? v) => v is null ? "-" : v.Value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>Agreement per prompt version over reviewed records, versions in order.</summary>
    public static IReadOnlyList<TriageAgreement> ByPromptVersion(IEnumerable<TriageRecord> records)
    {
        var byVersion = new SortedDictionary<string, TriageAgreement>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.Review is null)
            {
                continue;
            }

            if (!byVersion.TryGetValue(r.PromptVersion, out var agreement))
            {
                byVersion[r.PromptVersion] = agreement = new TriageAgreement(r.PromptVersion);
            }

            agreement.Add(r.AiLevel, r.Review.Level);
        }

        return [.. byVersion.Values];
    }

    private double Diagonal()
    {
        double d = 0;
        for (var i = 0; i < 5; i++)
        {
            d += _matrix[i, i];
        }

        return d;
    }

    private double? WeightedKappa(Func<int, int, double> weight)
    {
        if (Total == 0)
        {
            return null;
        }

        var rows = new double[5];
        var cols = new double[5];
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                rows[i] += _matrix[i, j];
                cols[j] += _matrix[i, j];
            }
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                observed += weight(i, j) * _matrix[i, j] / Total;
                expected += weight(i, j) * rows[i] * cols[j] / ((double)Total * Total);
            }
        }

        // Everyone used one and the same level: no disagreement is possible by chance or otherwise.
        if (expected == 0)
        {
            return observed == 0 ? 1.0 : 0.0;
        }

        return 1 - (observed / expected);
    }
}
