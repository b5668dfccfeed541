namespace ChatSupport.Bot.Cli;

/// <summary>
/// Dispatches the host executable's command-line verbs. Each verb is a small class with a
/// static <c>Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)</c>
/// returning the exit code, so tests can call it without a process.
/// </summary>
public static class CliCommands
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0)
        {
            return false;
        }

        var run = Find(args[0]);
        if (run is null)
        {
            // Host options (--urls …, Key=Value configuration) start the web server; any other word is a mistyped
            // command and must never start a server with it.
            if (args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
            {
                return false;
            }

            Console.Error.WriteLine(Usage);
            exitCode = 2;
            return true;
        }

        exitCode = run(args[1..], Console.In, Console.Out, Console.Error);
        return true;
    }

    public const string Usage = """
        usage: ChatSupport.Bot [host options]     run the web host (for example --urls http://127.0.0.1:5080)
               ChatSupport.Bot risk …             score, evaluate and explain the risk lexicon
               ChatSupport.Bot directory …        check and query the support directory
               ChatSupport.Bot triage compare …   compare two triage prompt versions on labelled messages (ETH-13)
               ChatSupport.Bot accounts …         console accounts (add, list, disable, enable, set-password)
               ChatSupport.Bot data …             erase a conversation, run the retention pass
               ChatSupport.Bot line-sim …         the LINE Messaging API simulator
        """;

    /// <summary>Runs the verb named by <paramref name="args"/>[0] with the given streams, or prints usage and returns 2.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || Find(args[0]) is not { } run)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        return run(args[1..], stdin, stdout, stderr);
    }

    private static Func<string[], TextReader, TextWriter, TextWriter, int>? Find(string verb) => verb switch
    {
        "data" => DataLifecycle.DataCommand.Run,
        "risk" => RiskCommand.Run,
        "understand" => UnderstandCommand.Run,
        "directory" => DirectoryCommand.Run,
        "triage" => Triage.TriageCompareCommand.Run,
        "accounts" => Handoff.Accounts.AccountsCommand.Run,
        _ => null,
    };
}
