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
            return false;
        }

        exitCode = run(args[1..], Console.In, Console.Out, Console.Error);
        return true;
    }

    private static Func<string[], TextReader, TextWriter, TextWriter, int>? Find(string verb) => verb switch
    {
        "risk" => RiskCommand.Run,
        "understand" => UnderstandCommand.Run,
        "directory" => DirectoryCommand.Run,
        "accounts" => Handoff.Accounts.AccountsCommand.Run,
        _ => null,
    };
}
