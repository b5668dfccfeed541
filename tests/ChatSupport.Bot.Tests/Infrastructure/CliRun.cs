namespace ChatSupport.Bot.Tests.Infrastructure;

/// <summary>What a command-line verb wrote and returned.</summary>
internal sealed record CliResult(int Exit, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines of standard output.</summary>
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs a verb's <c>Run(args, stdin, stdout, stderr)</c> in process, as the CLI tests of every verb do.</summary>
internal static class CliRun
{
    public static CliResult Run(Func<string[], TextReader, TextWriter, TextWriter, int> command, string[] args, string? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = command(args, stdin is null ? TextReader.Null : new StringReader(stdin), stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with a temporary file of <paramref name="lines"/>; <paramref name="args"/> gets its path.</summary>
    public static CliResult RunOnFile(Func<string[], TextReader, TextWriter, TextWriter, int> command, IEnumerable<string> lines, Func<string, string[]> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, lines);
            return Run(command, args(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
