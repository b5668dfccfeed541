using System.Text.Json;

namespace ChatSupport.Domain.Risk;

/// <summary>
/// Builds a <see cref="RiskModel"/> from labelled messages: logistic regression by stochastic gradient descent with
/// L2 decay, over the character 1–3-grams of the normalized text that occur in at least <see cref="Options.MinCount"/>
/// messages. Deterministic for the same lines and options (a seeded shuffle), so the committed model file can be
/// rebuilt and compared (tests/ChatSupport.Domain.Tests, RiskModelTests).
/// </summary>
public static class RiskModelTrainer
{
    public sealed record Options
    {
        public int Epochs { get; init; } = 8;

        public double LearningRate { get; init; } = 0.05;

        public double L2 { get; init; } = 1e-4;

        public int MinCount { get; init; } = 2;

        public int Seed { get; init; } = 1;

        /// <summary>See <see cref="RiskModel.HighThresholdAlone"/>; chosen on sets the lexicon had not read (docs/risk.md).</summary>
        public float HighThresholdAlone { get; init; } = 0.9f;

        public float HighThreshold { get; init; } = 0.8f;

        public float CriticalThreshold { get; init; } = 0.8f;

        /// <summary>See <see cref="RiskModel.CategoryThreshold"/>; chosen leaving each writer's set out (docs/risk.md, "Round 16").</summary>
        public float CategoryThreshold { get; init; } = 0.5f;
    }

    /// <summary>
    /// The labelled lines of one training file: a risk set (JSON Lines with <c>level</c>); an understanding set (JSON
    /// Lines with <c>intents</c> and no level), whose questions about the service and hard negatives — no category
    /// and no disclosure — are none while its disclosures, which carry no level, are left out; or a plain corpus
    /// (<c>.txt</c>, one everyday message a line, <c>#</c> comments), every line none.
    /// </summary>
    /// <exception cref="FormatException">A line that is not one of these, with its number.</exception>
    public static IEnumerable<(string Text, RiskLevel Level)> ReadFile(string path) =>
        ReadLabelled(path).Select(l => (l.Text, l.Level)).ToList();

    /// <summary>
    /// As <see cref="ReadFile"/>, with the labelled categories of a risk set's line (the category heads learn from
    /// them); an understanding set's questions and hard negatives and a plain corpus's lines have none.
    /// </summary>
    public static IEnumerable<(string Text, RiskLevel Level, SupportCategory[] Categories)> ReadLabelled(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').Select(l => (l, RiskLevel.None, Array.Empty<SupportCategory>())).ToList();
        }

        var lines = new List<(string, RiskLevel, SupportCategory[])>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var text = root.GetProperty("text").GetString() ?? throw new FormatException("\"text\" is null");
                if (root.TryGetProperty("level", out var level))
                {
                    var categories = root.TryGetProperty("categories", out var labelled) && labelled.ValueKind == JsonValueKind.Array
                        ? labelled.EnumerateArray().Select(c => SupportCategories.TryParse(c.GetString(), out var category) ? category : throw new FormatException($"unknown category '{c}'")).ToArray()
                        : [];
                    lines.Add((text, RiskLevels.TryParse(level.GetString(), out var parsed) ? parsed : throw new FormatException($"unknown level '{level}'"), categories));
                }
                else if (root.TryGetProperty("intents", out var intents))
                {
                    var disclosure = intents.EnumerateArray().Any(i => i.GetString() == "disclosure");
                    var categories = root.TryGetProperty("categories", out var c) ? c.GetArrayLength() : 0;
                    if (!disclosure && categories == 0)
                    {
                        lines.Add((text, RiskLevel.None, []));
                    }
                }
                else
                {
                    throw new FormatException("neither \"level\" nor \"intents\"");
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"{path} line {number}: {e.Message}", e);
            }
        }

        return lines;
    }

    /// <summary>Trains the two level heads only (lines without categories: a model without category heads).</summary>
    public static RiskModel Train(IEnumerable<(string Text, RiskLevel Level)> lines, string version, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Train(lines.Select(l => (l.Text, l.Level, Array.Empty<SupportCategory>())), version, options);
    }

    /// <summary>
    /// Trains the two level heads and, where any line has a category of <see cref="RiskModel.HeadCategories"/>, one
    /// one-vs-rest head for each of those categories over the same n-grams, from every line (a line without the
    /// category, whatever its level, is a negative of that head).
    /// </summary>
    public static RiskModel Train(IEnumerable<(string Text, RiskLevel Level, SupportCategory[] Categories)> lines, string version, Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        options ??= new Options();
        var normalized = new NormalizedText();
        var samples = new List<(string[] Grams, RiskLevel Level, SupportCategory[] Categories)>();
        var documentCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, level, categories) in lines)
        {
            JapaneseNormalizer.Normalize(text, normalized);
            var grams = new List<string>();
            RiskModel.ForEachGram(normalized, (gram, _) => grams.Add(RiskModel.ToFile(gram)));
            samples.Add((grams.ToArray(), level, categories));
            foreach (var gram in grams.Distinct(StringComparer.Ordinal))
            {
                documentCount[gram] = documentCount.GetValueOrDefault(gram) + 1;
            }
        }

        if (samples.Count == 0)
        {
            throw new ArgumentException("No labelled lines to train on.", nameof(lines));
        }

        var vocabulary = documentCount.Where(p => p.Value >= options.MinCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            index[vocabulary[i]] = i;
        }

        var features = samples.Select(s => s.Grams.Where(index.ContainsKey).Select(g => index[g]).ToArray()).ToArray();
        var (highWeights, highBias) = Fit(features, samples.Select(s => s.Level >= RiskLevel.High).ToArray(), vocabulary.Length, options);
        var (criticalWeights, criticalBias) = Fit(features, samples.Select(s => s.Level == RiskLevel.Critical).ToArray(), vocabulary.Length, options);
        var weights = new Dictionary<string, (float, float)>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            weights[vocabulary[i]] = (Round(highWeights[i]), Round(criticalWeights[i]));
        }

        var thresholds = (options.HighThresholdAlone, options.HighThreshold, options.CriticalThreshold);
        if (!samples.Any(s => s.Categories.Any(RiskModel.HeadCategories.Contains)))
        {
            return new RiskModel(version, thresholds, Round(highBias), Round(criticalBias), weights);
        }

        var heads = RiskModel.HeadCategories;
        var biases = new float[heads.Count];
        var categoryWeights = vocabulary.ToDictionary(g => g, _ => new float[heads.Count], StringComparer.Ordinal);
        for (var k = 0; k < heads.Count; k++)
        {
            var category = heads[k];
            var (w, b) = Fit(features, samples.Select(s => s.Categories.Contains(category)).ToArray(), vocabulary.Length, options);
            biases[k] = Round(b);
            for (var i = 0; i < vocabulary.Length; i++)
            {
                categoryWeights[vocabulary[i]][k] = Round(w[i]);
            }
        }

        return new RiskModel(version, thresholds, Round(highBias), Round(criticalBias), weights, (options.CategoryThreshold, biases, categoryWeights));
    }

    private static (double[] Weights, double Bias) Fit(int[][] features, bool[] targets, int size, Options options)
    {
        var weights = new double[size];
        var bias = 0.0;
        var order = Enumerable.Range(0, features.Length).ToArray();
        var random = new Random(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var s in order)
            {
                var z = bias;
                foreach (var f in features[s])
                {
                    z += weights[f];
                }

                var gradient = RiskModel.Sigmoid(z) - (targets[s] ? 1.0 : 0.0);
                foreach (var f in features[s])
                {
                    weights[f] -= options.LearningRate * (gradient + (options.L2 * weights[f]));
                }

                bias -= options.LearningRate * gradient * 0.1;
            }
        }

        return (weights, bias);
    }

    // Five decimals are what the file keeps; the model in memory is the one the file gives back.
    private static float Round(double value) => (float)Math.Round(value, 5, MidpointRounding.ToEven);
}
