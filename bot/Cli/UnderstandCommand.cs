using System.Text.Json;
using System.Text.Json.Serialization;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Bot.Cli;

/// <summary>
/// <c>understand --input FILE|-</c>: one JSON line out per JSON line in (<c>{"id", "text"}</c>) with the level,
/// categories, intents, age band, prefecture and the cues that produced them.
/// <c>understand eval --input FILE [--errors]</c>: per-intent and per-category precision, recall and F1, micro-F1,
/// and age band and prefecture accuracy on labelled lines (the format in docs/understanding.md);
/// <c>--errors</c> lists the lines that differ; <c>--patterns DIR</c> reads pattern files from a directory (a changed
/// copy under review) instead of the embedded ones. A malformed line is reported on stderr with its number and
/// skipped; the exit code is then 1 (2 for usage errors, 0 when every line was read).
/// </summary>
public static class UnderstandCommand
{
    private const string Usage = "usage: understand --input FILE|- [--patterns DIR]   |   understand eval --input FILE [--errors] [--patterns DIR]";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var eval = args.Length > 0 && args[0] == "eval";
        if (CliArguments.Parse(args[(eval ? 1 : 0)..], stderr, Usage, errors: eval, withAi: false, patterns: true) is not { } parsed)
        {
            return 2;
        }

        var (patterns, listErrors) = (parsed.Patterns, parsed.ListErrors);
        using var reader = parsed.OpenInput("understand", eval, stdin, stderr, Usage);
        if (reader is null)
        {
            return 2;
        }

        if (patterns is not null && !System.IO.Directory.Exists(patterns))
        {
            stderr.WriteLine($"patterns directory not found: {patterns}");
            return 2;
        }

        UnderstandingEngine engine;
        try
        {
            // --patterns reads a changed copy of domain/Understanding/Patterns, for reviewing an edit before it ships.
            engine = patterns is null
                ? UnderstandingEngine.CreateDefault()
                : new UnderstandingEngine(RiskEngine.CreateDefault(), UnderstandingPatterns.LoadDirectory(patterns));
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine(e.Message);
            return 2;
        }

        return eval ? Eval(engine, reader, stdout, stderr, listErrors) : Understand(engine, reader, stdout, stderr);
    }

    private static int Understand(UnderstandingEngine engine, TextReader reader, TextWriter stdout, TextWriter stderr) =>
        JsonLines.ForEach<UnderstandingLabels?>(reader, stderr, null, item =>
        {
            var reading = engine.Read(item.Text);
            var u = reading.Understanding;
            JsonLines.Write(stdout, new OutputLine(
                item.Id,
                reading.Risk.Level.ToWire(),
                u.Categories.Select(c => c.ToWire()).ToList(),
                u.Intents.Select(i => i.ToWire()).ToList(),
                u.AgeBand?.ToWire(),
                u.PrefectureCode,
                u.Cues.Select(c => new OutputCue(c.Id, c.Kind.ToString().ToLowerInvariant(), c.Label, c.Start, c.Length)).ToList()));
        });

    private static int Eval(UnderstandingEngine engine, TextReader reader, TextWriter stdout, TextWriter stderr, bool listErrors)
    {
        var evaluation = new UnderstandingEvaluation();
        var errors = new List<string>();
        var exitCode = JsonLines.ForEach<UnderstandingLabels?>(reader, stderr, TryGold, item =>
        {
            var predicted = UnderstandingLabels.From(engine.Understand(item.Text));
            evaluation.Add(item.Gold!, predicted);
            if (Differs(item.Gold!, predicted) is { Length: > 0 } difference)
            {
                errors.Add($"{item.Id}: {difference}");
            }
        });

        JsonLines.WriteReport(stdout, $"patterns {engine.PatternsVersion}, lexicon {engine.Risk.LexiconVersion}", evaluation.Format(), listErrors ? errors : []);
        return exitCode;
    }

    private static string Differs(UnderstandingLabels gold, UnderstandingLabels predicted)
    {
        var parts = new List<string>();
        void Set(string name, IReadOnlyCollection<string> g, IReadOnlyCollection<string> p)
        {
            var missing = g.Except(p).ToList();
            var extra = p.Except(g).ToList();
            if (missing.Count + extra.Count > 0)
            {
                parts.Add($"{name} missing [{string.Join(",", missing)}] extra [{string.Join(",", extra)}]");
            }
        }

        Set("intents", gold.Intents, predicted.Intents);
        Set("categories", gold.Categories, predicted.Categories);
        if (gold.HasAgeBand && gold.AgeBand != predicted.AgeBand)
        {
            parts.Add($"ageBand {gold.AgeBand ?? "null"} → {predicted.AgeBand ?? "null"}");
        }

        if (gold.HasPrefecture && gold.Prefecture != predicted.Prefecture)
        {
            parts.Add($"prefecture {gold.Prefecture ?? "null"} → {predicted.Prefecture ?? "null"}");
        }

        return string.Join("; ", parts);
    }

    private static bool TryGold(JsonElement root, out UnderstandingLabels? gold, out string problem)
    {
        gold = null;
        if (!TryLabels(root, "intents", s => Intents.TryParse(s, out _), out var intents, out problem)
            || !TryLabels(root, "categories", s => SupportCategories.TryParse(s, out _), out var categories, out problem)
            || !TryFact(root, "ageBand", s => AgeBandWire.TryParse(s, out _), out var hasAge, out var age, out problem)
            || !TryFact(root, "prefecture", Domain.Support.Prefectures.IsValidCode, out var hasPrefecture, out var prefecture, out problem))
        {
            return false;
        }

        gold = new UnderstandingLabels(intents, categories, hasAge, age, hasPrefecture, prefecture);
        return true;
    }

    private static bool TryLabels(JsonElement root, string name, Func<string, bool> valid, out List<string> labels, out string problem)
    {
        labels = [];
        problem = string.Empty;
        if (!root.TryGetProperty(name, out var array))
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problem = $"\"{name}\" must be an array of strings";
            return false;
        }

        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.String || !valid(e.GetString()!))
            {
                problem = $"unknown value in \"{name}\": {e.GetRawText()}";
                return false;
            }

            labels.Add(e.GetString()!.Trim().ToLowerInvariant());
        }

        return true;
    }

    private static bool TryFact(JsonElement root, string name, Func<string, bool> valid, out bool given, out string? value, out string problem)
    {
        given = root.TryGetProperty(name, out var element);
        value = null;
        problem = string.Empty;
        if (!given || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String || !valid(element.GetString()!))
        {
            problem = $"unknown value in \"{name}\": {element.GetRawText()}";
            return false;
        }

        value = element.GetString();
        return true;
    }

    private sealed record OutputLine(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("level")] string Level,
        [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
        [property: JsonPropertyName("intents")] IReadOnlyList<string> Intents,
        [property: JsonPropertyName("ageBand")] string? AgeBand,
        [property: JsonPropertyName("prefecture")] string? Prefecture,
        [property: JsonPropertyName("cues")] IReadOnlyList<OutputCue> Cues);

    private sealed record OutputCue(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("length")] int Length);
}
