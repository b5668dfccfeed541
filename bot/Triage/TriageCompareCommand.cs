using System.Globalization;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Triage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSupport.Bot.Triage;

/// <summary>
/// <c>triage compare --prompts BASE,CANDIDATE --input FILE</c> (ETH-13: a prompt version is compared on agreement before
/// it is switched on). Each labelled message (<c>{"id", "text", "level"}</c>) is redacted (ETH-05) and sent with each
/// prompt version through the same Semantic Kernel advisor as in production (<see cref="SemanticKernelTriageAdvisor"/>
/// behind <see cref="GuardedTriageAdvisor"/>) to the configured endpoint; messages the rules already call critical are
/// not sent, as in production. Printed per version: agreement of the AI level with the labels and with the rule-based
/// level (exact share, Cohen's kappa, quadratic weighted kappa), how many high or critical labels the AI level reached,
/// then the agreement between the two versions and a verdict line. Only ids and figures are printed; no message text.
/// Needs <c>ChatSupport__Triage__Endpoint</c> and <c>ChatSupport__Triage__Model</c>.
/// Exit codes: 0 done; 1 some lines malformed; 2 usage; 3 no endpoint configured; 4 a version gave no valid answer.
/// </summary>
public static class TriageCompareCommand
{
    private const string Usage = "usage: triage compare --prompts BASE,CANDIDATE --input FILE   (for example --prompts v1,v2)";

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, TriageEvalCommand.DefaultConfiguration());

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(configuration);
        if (args.Length == 0 || args[0] != "compare")
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        string? input = null, prompts = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length:
                    input = args[++i];
                    break;
                case "--prompts" when i + 1 < args.Length:
                    prompts = args[++i];
                    break;
                default:
                    stderr.WriteLine($"unknown argument '{args[i]}'");
                    stderr.WriteLine(Usage);
                    return 2;
            }
        }

        var versions = (prompts ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (versions.Length != 2 || versions[0] == versions[1])
        {
            stderr.WriteLine("triage compare needs two different prompt versions: --prompts BASE,CANDIDATE");
            stderr.WriteLine(Usage);
            return 2;
        }

        if (input is null || !File.Exists(input))
        {
            stderr.WriteLine(input is null ? "triage compare needs --input FILE" : $"input file not found: {input}");
            stderr.WriteLine(Usage);
            return 2;
        }

        var options = configuration.GetSection(TriageOptions.SectionName).Get<TriageOptions>() ?? new TriageOptions();
        if (!options.HasEndpoint)
        {
            stderr.WriteLine("triage compare needs an OpenAI-compatible endpoint: set ChatSupport__Triage__Endpoint (for example http://localhost:11434/v1) and ChatSupport__Triage__Model, and ChatSupport__Triage__ApiKey if the server needs a key.");
            return TriageEvalCommand.NotConfigured;
        }

        var library = TriagePromptLibrary.LoadEmbedded();
        var advisors = new List<(string Version, SemanticKernelTriageAdvisor Inner, ITriageAdvisor Advisor)>();
        try
        {
            foreach (var version in versions)
            {
                var inner = new SemanticKernelTriageAdvisor(options, library.Get(version));
                advisors.Add((version, inner, new GuardedTriageAdvisor(inner, options, NullLogger<GuardedTriageAdvisor>.Instance)));
            }

            return RunAsync(input, advisors.Select(a => a.Advisor).ToList(), options.Model, stdout, stderr).GetAwaiter().GetResult();
        }
        catch (TriagePromptException e)
        {
            stderr.WriteLine(e.Message);
            return 2;
        }
        finally
        {
            foreach (var a in advisors)
            {
                a.Inner.Dispose();
            }
        }
    }

    private static async Task<int> RunAsync(string path, IReadOnlyList<ITriageAdvisor> advisors, string? model, TextWriter stdout, TextWriter stderr)
    {
        var engine = RiskEngine.CreateDefault();
        var figures = advisors.Select(a => new VersionFigures(a.PromptVersion)).ToList();
        var between = new TriageAgreement(advisors[0].PromptVersion + " vs " + advisors[1].PromptVersion);
        int malformed = 0, read = 0, skipped = 0, number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TriageEvalCommand.TryRead(line, out _, out var text, out var gold))
            {
                stderr.WriteLine($"line {number}: expected {{\"id\", \"text\", \"level\"}} with a known level");
                malformed++;
                continue;
            }

            read++;
            var assessment = engine.Assess(text);
            if (assessment.Level == RiskLevel.Critical)
            {
                skipped++;
                continue;
            }

            var redacted = Redactor.Redact(text).Text;
            var levels = new RiskLevel?[advisors.Count];
            for (var v = 0; v < advisors.Count; v++)
            {
                var advice = await advisors[v].AdviseAsync(new TriageInput([redacted], assessment.Level, assessment.Categories), CancellationToken.None).ConfigureAwait(false);
                levels[v] = figures[v].Add(advice, gold, assessment.Level);
            }

            if (levels[0] is { } a && levels[1] is { } b)
            {
                between.Add(b, a);
            }
        }

        stdout.WriteLine($"triage compare: prompts {advisors[0].PromptVersion} (base) and {advisors[1].PromptVersion} (candidate), model {model}, lexicon {engine.LexiconVersion}");
        stdout.WriteLine($"messages {read}: sent to each version {read - skipped}, not sent (rule already critical) {skipped}");
        foreach (var f in figures)
        {
            stdout.WriteLine();
            f.Write(stdout);
        }

        stdout.WriteLine();
        stdout.WriteLine($"== {advisors[0].PromptVersion} vs {advisors[1].PromptVersion} (messages both answered) ==");
        stdout.WriteLine("agreement between versions: " + Figures(between));
        stdout.WriteLine(Verdict(figures[0], figures[1]));
        if (figures.Any(f => f.Labels.Total == 0) && read - skipped > 0)
        {
            stderr.WriteLine("a prompt version gave no valid answer: check ChatSupport__Triage__Endpoint, ChatSupport__Triage__Model and ChatSupport__Triage__ApiKey, and that the server is up.");
            return TriageEvalCommand.NoAnswers;
        }

        return malformed == 0 ? 0 : 1;
    }

    /// <summary>
    /// The candidate may replace the base when it agrees with the labels at least as well (quadratic weighted kappa) and
    /// reaches high or critical on at least as many of the messages labelled high or critical, with every call answered.
    /// </summary>
    private static string Verdict(VersionFigures baseline, VersionFigures candidate)
    {
        if (baseline.Labels.Total == 0 || candidate.Labels.Total == 0)
        {
            return "verdict: no comparison: a version gave no valid answer";
        }

        if (candidate.Failed > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"verdict: keep {baseline.Version}: {candidate.Version} failed or gave invalid output on {candidate.Failed} messages");
        }

        var kb = baseline.Labels.QuadraticWeightedKappa ?? 0;
        var kc = candidate.Labels.QuadraticWeightedKappa ?? 0;
        if (kc < kb)
        {
            return string.Create(CultureInfo.InvariantCulture, $"verdict: keep {baseline.Version}: {candidate.Version} agrees less with the labels (weighted kappa {kc:0.000} < {kb:0.000})");
        }

        if (candidate.HighCaught < baseline.HighCaught)
        {
            return string.Create(CultureInfo.InvariantCulture, $"verdict: keep {baseline.Version}: {candidate.Version} reaches high on fewer messages labelled high or critical ({candidate.HighCaught} < {baseline.HighCaught})");
        }

        return string.Create(CultureInfo.InvariantCulture, $"verdict: {candidate.Version} may replace {baseline.Version} (weighted kappa with the labels {kc:0.000} >= {kb:0.000}, high or critical labels reached {candidate.HighCaught} >= {baseline.HighCaught}); switching still needs the supervisors' and the ethics board's approval (ETH-13)");
    }

    private static string Figures(TriageAgreement a) =>
        a.Total == 0
            ? "- (0 messages)"
            : string.Create(CultureInfo.InvariantCulture, $"{a.ObservedAgreement:0.000} ({Exact(a)}/{a.Total}), kappa {a.Kappa:0.000}, weighted kappa {a.QuadraticWeightedKappa:0.000}");

    private static int Exact(TriageAgreement a) => Enum.GetValues<RiskLevel>().Sum(l => a[l, l]);

    private sealed class VersionFigures(string version)
    {
        private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);

        public string Version { get; } = version;

        public TriageAgreement Labels { get; } = new(version);

        public TriageAgreement Rule { get; } = new(version);

        public int HighLabelled { get; private set; }

        public int HighCaught { get; private set; }

        public int Failed { get; private set; }

        public RiskLevel? Add(TriageAdvice advice, RiskLevel gold, RiskLevel rule)
        {
            var key = advice.Outcome == TriageOutcome.InvalidOutput ? $"invalid ({advice.Rejection})" : advice.Outcome.ToString().ToLowerInvariant();
            _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
            if (gold >= RiskLevel.High)
            {
                HighLabelled++;
            }

            if (advice.Outcome != TriageOutcome.Judged || advice.Judgement is not { } judgement)
            {
                Failed++;
                return null;
            }

            Labels.Add(judgement.Level, gold);
            Rule.Add(judgement.Level, rule);
            if (gold >= RiskLevel.High && judgement.Level >= RiskLevel.High)
            {
                HighCaught++;
            }

            return judgement.Level;
        }

        public void Write(TextWriter w)
        {
            w.WriteLine($"== prompt {Version} ==");
            w.WriteLine("AI calls: " + (_outcomes.Count == 0 ? "none" : string.Join(", ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))));
            w.WriteLine("agreement with the labels: " + Figures(Labels));
            w.WriteLine("agreement with the rule level: " + Figures(Rule));
            w.WriteLine($"labelled high or critical and reached high by the AI: {HighCaught}/{HighLabelled}");
        }
    }
}
