using System.Globalization;
using System.Text.Json;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// <c>risk eval --with-ai --input FILE [--errors]</c>: the labelled file (<c>{"id", "text", "level"}</c>) through the
/// rule engine alone and through rule + AI (final = max(rule, AI), as in production, ETH-02), with both confusion
/// matrices, the AI call outcomes and how the raises compare with the gold level. Each message is redacted before it is
/// sent (ETH-05); messages the rules already call critical are not sent. Needs <c>ChatSupport__Triage__Endpoint</c> and
/// <c>ChatSupport__Triage__Model</c> (not <c>Enabled</c>: this is an offline evaluation on labelled data).
/// Exit codes: 0 done; 1 some lines malformed; 2 usage; 3 no endpoint configured; 4 no AI call succeeded.
/// </summary>
public static class TriageEvalCommand
{
    public const int NotConfigured = 3;
    public const int NoAnswers = 4;

    private const string Usage = "usage: risk eval --with-ai --input FILE [--errors]";

    /// <summary>appsettings.json beside the executable, then environment variables (ChatSupport__Triage__…).</summary>
    public static IConfiguration DefaultConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        if (Cli.CliArguments.Parse(args, stderr, Usage) is not { } parsed)
        {
            return 2;
        }

        var (input, listErrors) = (parsed.Input, parsed.ListErrors);
        if (input is null || input == "-" || !File.Exists(input))
        {
            stderr.WriteLine(input is null or "-" ? "risk eval --with-ai needs --input FILE" : $"input file not found: {input}");
            stderr.WriteLine(Usage);
            return 2;
        }

        var options = configuration.GetSection(TriageOptions.SectionName).Get<TriageOptions>() ?? new TriageOptions();
        if (!options.HasEndpoint)
        {
            stderr.WriteLine("risk eval --with-ai needs an OpenAI-compatible endpoint: set ChatSupport__Triage__Endpoint (for example http://localhost:11434/v1) and ChatSupport__Triage__Model, and ChatSupport__Triage__ApiKey if the server needs a key. Without them, run risk eval without --with-ai.");
            return NotConfigured;
        }

        TriagePrompt prompt;
        try
        {
            prompt = TriagePromptLibrary.LoadEmbedded().Get(options.PromptVersion);
        }
        catch (TriagePromptException e)
        {
            stderr.WriteLine(e.Message);
            return 2;
        }

        var advisor = new GuardedTriageAdvisor(new SemanticKernelTriageAdvisor(options, prompt), options, NullLogger<GuardedTriageAdvisor>.Instance);
        return RunAsync(input, advisor, stdout, stderr, listErrors).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string path, ITriageAdvisor advisor, TextWriter stdout, TextWriter stderr, bool listErrors)
    {
        var engine = RiskEngine.CreateDefault();
        var ruleOnly = new RiskEvaluation();
        var combined = new RiskEvaluation();
        var aiOnly = new RiskEvaluation();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        int malformed = 0, raised = 0, raisedAboveGold = 0, skipped = 0;

        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryRead(line, out var id, out var text, out var gold))
            {
                stderr.WriteLine($"line {number}: expected {{\"id\", \"text\", \"level\"}} with a known level");
                malformed++;
                continue;
            }

            var assessment = engine.Assess(text);
            TriageAdvice? advice = null;
            if (assessment.Level == RiskLevel.Critical)
            {
                skipped++;
            }
            else
            {
                advice = await advisor.AdviseAsync(new TriageInput([Redactor.Redact(text).Text], assessment.Level, assessment.Categories), CancellationToken.None).ConfigureAwait(false);
                var key = advice.Outcome == TriageOutcome.InvalidOutput ? $"invalid ({advice.Rejection})" : advice.Outcome.ToString().ToLowerInvariant();
                outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            }

            var result = TriageCombination.Combine(assessment.Level, advice);
            ruleOnly.Add(gold, assessment.Level);
            combined.Add(gold, result.Final);
            if (result.Ai is { } ai)
            {
                aiOnly.Add(gold, ai);
            }

            if (result.RaisedByAi)
            {
                raised++;
                if (result.Final > gold)
                {
                    raisedAboveGold++;
                }
            }

            if (result.Final != gold)
            {
                errors.Add($"{id}: gold {gold.ToWire()}, rule {assessment.Level.ToWire()}, AI {result.Ai?.ToWire() ?? "-"}, final {result.Final.ToWire()}");
            }
        }

        stdout.WriteLine($"lexicon {engine.LexiconVersion}, prompt {advisor.PromptVersion}, model {advisor.Model}");
        stdout.WriteLine();
        stdout.WriteLine("== rule only ==");
        stdout.Write(ruleOnly.Format());
        stdout.WriteLine();
        stdout.WriteLine("== rule + AI (final = max(rule, AI)) ==");
        stdout.Write(combined.Format());
        stdout.WriteLine();
        stdout.WriteLine("== AI alone (valid answers only) ==");
        stdout.Write(aiOnly.Format());
        stdout.WriteLine();
        stdout.WriteLine("AI calls: " + (outcomes.Count == 0 ? "none" : string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))) + $"; not sent (rule already critical) {skipped}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raised by AI: {raised} (above the gold level: {raisedAboveGold})"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall gold>=high: rule {ruleOnly.HighRecall:0.000} -> rule+AI {combined.HighRecall:0.000}; false alarms none/low>=high: {ruleOnly.LowFlaggedHigh:0.000} -> {combined.LowFlaggedHigh:0.000}"));
        if (listErrors)
        {
            foreach (var e in errors)
            {
                stdout.WriteLine(e);
            }
        }

        if (outcomes.Count > 0 && !outcomes.ContainsKey("judged") && !outcomes.Keys.Any(k => k.StartsWith("invalid", StringComparison.Ordinal)))
        {
            stderr.WriteLine("no AI call succeeded: check ChatSupport__Triage__Endpoint, ChatSupport__Triage__Model and ChatSupport__Triage__ApiKey, and that the server is up.");
            return NoAnswers;
        }

        return malformed == 0 ? 0 : 1;
    }

    /// <summary>Reads one labelled line (<c>{"id", "text", "level"}</c>); false when it is not one. Shared with <c>triage compare</c>.</summary>
    internal static bool TryRead(string line, out string? id, out string text, out RiskLevel gold)
    {
        id = null;
        text = string.Empty;
        gold = RiskLevel.None;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("level", out var l) || l.ValueKind != JsonValueKind.String || !RiskLevels.TryParse(l.GetString(), out gold))
            {
                return false;
            }

            id = root.TryGetProperty("id", out var i) ? (i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText()) : null;
            text = t.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
