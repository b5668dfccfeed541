namespace ChatSupport.Bot.Cli;

/// <summary>
/// The options of the JSON Lines verbs (<c>risk score</c>, <c>risk eval</c>, <c>risk eval --with-ai</c>,
/// <c>understand</c>, <c>understand eval</c>), read once: <c>--input FILE|-</c> always; <c>--errors</c>,
/// <c>--with-ai</c>, <c>--lexicon-only</c>, <c>--lexicon DIR</c>, <c>--model FILE</c> and <c>--patterns DIR</c> where the verb takes them.
/// </summary>
internal sealed record CliArguments(string? Input, bool ListErrors, bool WithAi, string? Patterns, bool LexiconOnly = false, string? LexiconDirectory = null, string? ModelFile = null)
{
    /// <summary>Reads the options the verb takes; anything else is a usage error (written to stderr with the usage).</summary>
    public static CliArguments? Parse(IReadOnlyList<string> args, TextWriter stderr, string usage, bool errors = true, bool withAi = true, bool patterns = false, bool lexiconOnly = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        string? input = null, patternsDirectory = null, lexiconDirectory = null, modelFile = null;
        bool listErrors = false, ai = false, lexicon = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Count:
                    input = args[++i];
                    break;
                case "--patterns" when patterns && i + 1 < args.Count:
                    patternsDirectory = args[++i];
                    break;
                case "--errors" when errors:
                    listErrors = true;
                    break;
                case "--with-ai" when withAi:
                    ai = true;
                    break;
                case "--lexicon-only" when lexiconOnly:
                    lexicon = true;
                    break;
                case "--lexicon" when lexiconOnly && i + 1 < args.Count:
                    lexiconDirectory = args[++i];
                    break;
                case "--model" when lexiconOnly && i + 1 < args.Count:
                    modelFile = args[++i];
                    break;
                default:
                    stderr.WriteLine($"unknown argument '{args[i]}'");
                    stderr.WriteLine(usage);
                    return null;
            }
        }

        return new CliArguments(input, listErrors, ai, patternsDirectory, lexicon, lexiconDirectory, modelFile);
    }

    /// <summary>
    /// The reader for <c>--input</c> (<see cref="JsonLines.Open"/>): required, and a file for an <c>eval</c>
    /// (<paramref name="verb"/> names it in the message); null, with the reason and the usage on stderr, when not.
    /// </summary>
    public TextReader? OpenInput(string verb, bool eval, TextReader stdin, TextWriter stderr, string usage)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (Input is null || (eval && Input == "-"))
        {
            stderr.WriteLine(Input is null ? "--input is required" : $"{verb} eval needs a file");
            stderr.WriteLine(usage);
            return null;
        }

        return JsonLines.Open(Input, stdin, stderr);
    }
}
