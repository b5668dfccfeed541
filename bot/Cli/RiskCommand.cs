using System.Text.Json;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Bot.Cli;

/// <summary>
/// <c>risk score --input FILE|-</c>: one JSON line out per JSON line in (<c>{"id", "text"}</c>).
/// <c>risk eval --input FILE [--errors]</c>: confusion matrix and floor figures on labelled lines
/// (<c>{"id", "text", "level", "categories"}</c>, the rubric's format); <c>--with-ai</c> compares rule-only with
/// rule + AI (see <see cref="Triage.TriageEvalCommand"/>); <c>--errors</c> lists the ids
/// whose level differs; <c>--lexicon-only</c> leaves the learned backstop out (to report both figures);
/// <c>--lexicon DIR</c> and <c>--model FILE</c> read a lexicon or a model under review instead of the embedded ones.
/// <c>risk model train --version V --output FILE [--thresholds A,W,C] INPUT.jsonl|CORPUS.txt...</c>: builds the learned backstop from labelled files.
/// A malformed line is reported on stderr with its number and skipped; the exit
/// code is then 1 (2 for usage errors, 0 when every line was read).
/// </summary>
public static class RiskCommand
{
    private const string Usage = "usage: risk score --input FILE|- [--lexicon-only] [--lexicon DIR] [--model FILE]   |   risk eval --input FILE [--errors] [--with-ai] [--lexicon-only] [--lexicon DIR] [--model FILE]   |   risk model train --version V --output FILE [--thresholds A,W,C] INPUT.jsonl|CORPUS.txt...";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 2 && args[0] == "model" && args[1] == "train")
        {
            return Train(args[2..], stdout, stderr);
        }

        if (args.Length == 0 || args[0] is not ("score" or "eval"))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        if (CliArguments.Parse(args[1..], stderr, Usage, lexiconOnly: true) is not { } parsed)
        {
            return 2;
        }

        if ((args[0] == "score" || parsed.LexiconOnly) && parsed.WithAi)
        {
            stderr.WriteLine(args[0] == "score" ? "unknown argument '--with-ai'" : "--with-ai compares with the whole engine; leave out --lexicon-only");
            stderr.WriteLine(Usage);
            return 2;
        }

        if (parsed.WithAi)
        {
            return Triage.TriageEvalCommand.Run(args[1..], stdin, stdout, stderr, Triage.TriageEvalCommand.DefaultConfiguration());
        }

        using var reader = parsed.OpenInput("risk", args[0] == "eval", stdin, stderr, Usage);
        if (reader is null)
        {
            return 2;
        }

        if (parsed.LexiconOnly && parsed.ModelFile is not null)
        {
            stderr.WriteLine("--model and --lexicon-only contradict each other");
            stderr.WriteLine(Usage);
            return 2;
        }

        RiskEngine engine;
        try
        {
            // The shared default engine unless something under review, or nothing but the lexicon, is asked for.
            var model = parsed.LexiconOnly ? null : parsed.ModelFile is null ? RiskModel.LoadEmbedded() : ReadModel(parsed.ModelFile);
            engine = parsed.LexiconDirectory is null && parsed.ModelFile is null && !parsed.LexiconOnly
                ? RiskEngine.CreateDefault()
                : new RiskEngine(parsed.LexiconDirectory is null ? RiskLexicon.LoadEmbedded() : RiskLexicon.LoadDirectory(parsed.LexiconDirectory), model);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // A lexicon or model under review that does not load: say why, read nothing.
            stderr.WriteLine($"cannot load the lexicon or model: {e.Message}");
            return 2;
        }

        return args[0] == "score"
            ? Score(engine, reader, stdout, stderr)
            : Eval(engine, reader, stdout, stderr, parsed.ListErrors);
    }

    private static int Score(RiskEngine engine, TextReader reader, TextWriter stdout, TextWriter stderr) =>
        JsonLines.ForEach<RiskLevel>(reader, stderr, null, item =>
        {
            var assessment = engine.Assess(item.Text);
            JsonLines.Write(stdout, new ScoreLine(
                item.Id,
                assessment.Level.ToWire(),
                assessment.Categories.Select(c => c.ToWire()).ToList(),
                assessment.Matches.Select(m => new ScoreMatch(m.Term, m.Start, m.Length, m.Category?.ToWire())).ToList(),
                assessment.Situations,
                assessment.Rules,
                assessment.Cues.Select(c => new ScoreCue(c.Class, c.Start, c.Length)).ToList())
            {
                Model = engine.Model is { } model ? ModelLine.Of(model, item.Text) : null,
            });
        });

    private static int Eval(RiskEngine engine, TextReader reader, TextWriter stdout, TextWriter stderr, bool listErrors)
    {
        var evaluation = new RiskEvaluation();
        var errors = new List<string>();
        var exitCode = JsonLines.ForEach<RiskLevel>(reader, stderr, TryGold, item =>
        {
            var assessment = engine.Assess(item.Text);
            var predicted = assessment.Level;
            evaluation.Add(item.Gold, predicted);
            foreach (var rule in engine.Lexicon.Rules.Where(r => assessment.Rules.Contains(r.Id)))
            {
                evaluation.AddRule(rule, item.Gold);
            }

            if (predicted != item.Gold)
            {
                errors.Add($"{item.Id}: gold {item.Gold.ToWire()}, predicted {predicted.ToWire()}");
            }
        });

        var title = engine.Model is { } model ? $"lexicon {engine.LexiconVersion}, model {model.Version}" : $"lexicon {engine.LexiconVersion} (lexicon only)";
        JsonLines.WriteReport(stdout, title, evaluation.Format(), listErrors ? errors : []);
        return exitCode;
    }

    private static RiskModel ReadModel(string path)
    {
        using var reader = new StreamReader(path);
        return RiskModel.Parse(reader);
    }

    private static int Train(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? version = null, output = null;
        var options = new RiskModelTrainer.Options();
        var inputs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--version" when i + 1 < args.Length:
                    version = args[++i];
                    break;
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--thresholds" when i + 1 < args.Length:
                    var t = args[++i].Split(',')
                        .Select(p => float.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : float.NaN)
                        .ToArray();
                    if (t.Length != 3 || !t.All(v => v is > 0 and < 1))
                    {
                        stderr.WriteLine("--thresholds takes three probabilities: ALONE,WITH_SIGNAL,CRITICAL (for example 0.9,0.8,0.8)");
                        return 2;
                    }

                    options = options with { HighThresholdAlone = t[0], HighThreshold = t[1], CriticalThreshold = t[2] };
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || !File.Exists(args[i]))
                    {
                        stderr.WriteLine(args[i].StartsWith("--", StringComparison.Ordinal) ? $"unknown argument '{args[i]}'" : $"no such file: {args[i]}");
                        stderr.WriteLine(Usage);
                        return 2;
                    }

                    inputs.Add(args[i]);
                    break;
            }
        }

        if (version is null || output is null || inputs.Count == 0)
        {
            stderr.WriteLine("risk model train needs --version, --output and at least one labelled file");
            stderr.WriteLine(Usage);
            return 2;
        }

        var lines = new List<(string, RiskLevel, SupportCategory[])>();
        try
        {
            foreach (var input in inputs)
            {
                lines.AddRange(RiskModelTrainer.ReadLabelled(input));
            }
        }
        catch (FormatException e)
        {
            // A model built from part of the files would not be the one they describe: nothing is written.
            stderr.WriteLine($"{e.Message}; no model written");
            return 1;
        }

        var model = RiskModelTrainer.Train(lines, version, options);
        using (var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false)))
        {
            model.Write(writer,
            [
                "ChatSupport risk model: the learned backstop behind the lexicon (docs/risk.md, \"The learned backstop\").",
                "Logistic regression over character 1-3-grams of the normalized text; columns: n-gram, weight toward high or above, weight toward critical, then (round 16) one weight for each category head in the order of the categories line.",
                $"Built by 'risk model train' from {string.Join(", ", inputs.Select(Path.GetFileName))}. Do not edit by hand: rebuild it (tests/tools/train-risk-model.sh).",
            ]);
        }

        stdout.WriteLine($"model {version}: {lines.Count} lines, {model.Weights.Count} n-grams -> {output}");
        return 0;
    }

    private static bool TryGold(JsonElement line, out RiskLevel gold, out string problem)
    {
        problem = string.Empty;
        if (!line.TryGetProperty("level", out var level) || level.ValueKind != JsonValueKind.String
            || !RiskLevels.TryParse(level.GetString(), out gold))
        {
            gold = RiskLevel.None;
            problem = "missing or unknown \"level\" (none, low, medium, high, critical)";
            return false;
        }

        return true;
    }

    private sealed record ScoreLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string? Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("level")] string Level,
        [property: System.Text.Json.Serialization.JsonPropertyName("categories")] IReadOnlyList<string> Categories,
        [property: System.Text.Json.Serialization.JsonPropertyName("matches")] IReadOnlyList<ScoreMatch> Matches,
        [property: System.Text.Json.Serialization.JsonPropertyName("situations")] IReadOnlyList<string> Situations,
        [property: System.Text.Json.Serialization.JsonPropertyName("rules")] IReadOnlyList<string> Rules,
        [property: System.Text.Json.Serialization.JsonPropertyName("cues")] IReadOnlyList<ScoreCue> Cues)
    {
        /// <summary>The learned backstop's probabilities and strongest n-grams (absent with --lexicon-only).</summary>
        [System.Text.Json.Serialization.JsonPropertyName("model")]
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public ModelLine? Model { get; init; }
    }

    private sealed record ModelLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("high")] double High,
        [property: System.Text.Json.Serialization.JsonPropertyName("critical")] double Critical,
        [property: System.Text.Json.Serialization.JsonPropertyName("evidence")] IReadOnlyList<string> Evidence)
    {
        /// <summary>P(category) of each category head (round 16), by wire name; absent for a model without heads.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("categories")]
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, double>? Categories { get; init; }

        public static ModelLine Of(RiskModel model, string text)
        {
            var (high, critical) = model.Score(text);
            return new ModelLine(Math.Round(high, 3), Math.Round(critical, 3), model.Evidence(text))
            {
                Categories = model.HasCategoryHeads
                    ? model.ScoreCategories(text).ToDictionary(p => p.Category.ToWire(), p => Math.Round(p.Probability, 3), StringComparer.Ordinal)
                    : null,
            };
        }
    }

    private sealed record ScoreCue(
        [property: System.Text.Json.Serialization.JsonPropertyName("class")] string Class,
        [property: System.Text.Json.Serialization.JsonPropertyName("start")] int Start,
        [property: System.Text.Json.Serialization.JsonPropertyName("length")] int Length);

    private sealed record ScoreMatch(
        [property: System.Text.Json.Serialization.JsonPropertyName("term")] string Term,
        [property: System.Text.Json.Serialization.JsonPropertyName("start")] int Start,
        [property: System.Text.Json.Serialization.JsonPropertyName("length")] int Length,
        [property: System.Text.Json.Serialization.JsonPropertyName("category")] string? Category);
}
