using System.Text.Json;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Bot.Cli;

/// <summary>
/// <c>risk score --input FILE|-</c>: one JSON line out per JSON line in (<c>{"id", "text"}</c>).
/// <c>risk eval --input FILE [--errors]</c>: confusion matrix and floor figures on labelled lines
/// (<c>{"id", "text", "level", "categories"}</c>, the rubric's format); <c>--with-ai</c> compares rule-only with
/// rule + AI (see <see cref="Triage.TriageEvalCommand"/>); <c>--errors</c> lists the ids
/// whose level differs. A malformed line is reported on stderr with its number and skipped; the exit
/// code is then 1 (2 for usage errors, 0 when every line was read).
/// </summary>
public static class RiskCommand
{
    private const string Usage = "usage: risk score --input FILE|-   |   risk eval --input FILE [--errors] [--with-ai]";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is not ("score" or "eval"))
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        if (CliArguments.Parse(args[1..], stderr, Usage) is not { } parsed)
        {
            return 2;
        }

        if (args[0] == "score" && parsed.WithAi)
        {
            stderr.WriteLine("unknown argument '--with-ai'");
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

        var engine = RiskEngine.CreateDefault();
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
                assessment.Cues.Select(c => new ScoreCue(c.Class, c.Start, c.Length)).ToList()));
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

        JsonLines.WriteReport(stdout, $"lexicon {engine.LexiconVersion}", evaluation.Format(), listErrors ? errors : []);
        return exitCode;
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
        [property: System.Text.Json.Serialization.JsonPropertyName("cues")] IReadOnlyList<ScoreCue> Cues);

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
