namespace ChatSupport.Bot.Cli;

/// <summary>The options shared by <c>risk score</c>, <c>risk eval</c> and <c>risk eval --with-ai</c>, read once.</summary>
internal sealed record RiskArguments(string? Input, bool ListErrors, bool WithAi)
{
    /// <summary>Reads <c>--input FILE|-</c>, <c>--errors</c> and <c>--with-ai</c>; anything else is a usage error (written to stderr).</summary>
    public static RiskArguments? Parse(IReadOnlyList<string> args, TextWriter stderr, string usage)
    {
        string? input = null;
        bool listErrors = false, withAi = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Count:
                    input = args[++i];
                    break;
                case "--errors":
                    listErrors = true;
                    break;
                case "--with-ai":
                    withAi = true;
                    break;
                default:
                    stderr.WriteLine($"unknown argument '{args[i]}'");
                    stderr.WriteLine(usage);
                    return null;
            }
        }

        return new RiskArguments(input, listErrors, withAi);
    }
}
