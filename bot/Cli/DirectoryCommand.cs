using System.Globalization;
using ChatSupport.Domain.Support;

namespace ChatSupport.Bot.Cli;

/// <summary>
/// <c>directory import FILE</c> validates an operator's local list and copies it into the local
/// folder; <c>directory check [--max-age-days N]</c> lists entries whose verification is older
/// than N days (default 90) and exits 1 when there are any; <c>directory list</c> prints the
/// entries. All take <c>--local-path DIR</c> (default <c>data/directory</c>, the default of
/// <c>ChatSupport:Directory:LocalPath</c>).
/// </summary>
public static class DirectoryCommand
{
    public const int DefaultMaxAgeDays = 90;

    private const string Usage = """
        usage:
          directory import FILE [--local-path DIR]
          directory check [--max-age-days N] [--local-path DIR]
          directory list [--local-path DIR]
        DIR defaults to data/directory (config key ChatSupport:Directory:LocalPath).
        """;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, TimeProvider.System);

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        if (!TryParseArguments(args, out var verb, out var file, out var localPath, out var maxAgeDays, out var problem))
        {
            stderr.WriteLine(problem);
            stderr.WriteLine(Usage);
            return 2;
        }

        var today = JapanTime.Today(time);
        return verb switch
        {
            "import" => Import(file!, localPath, today, stdout, stderr),
            "check" => Check(localPath, maxAgeDays, today, stdout, stderr),
            _ => List(localPath, today, stdout, stderr),
        };
    }

    private static int Import(string file, string localPath, DateOnly today, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"File not found: {file}");
            return 2;
        }

        var targetName = Path.GetFileName(file);
        if (!targetName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !targetName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            targetName += ".yaml";
        }

        var target = Path.Combine(localPath, targetName);
        var (services, errors) = DirectoryLoader.Parse(file, File.ReadAllText(file), today);
        var problems = errors.ToList();

        if (problems.Count == 0)
        {
            // Ids must stay unique across the national data and the other local files.
            var others = SupportDirectory.EmbeddedFiles()
                .Concat(SupportDirectory.LocalFiles(localPath).Where(f => !SamePath(f.FileName, target)));
            var taken = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, yaml) in others)
            {
                foreach (var service in DirectoryLoader.Parse(name, yaml, today).Services)
                {
                    taken.TryAdd(service.Id, name);
                }
            }

            problems.AddRange(services
                .Where(s => taken.ContainsKey(s.Id))
                .Select(s => new DirectoryDataError(file, s.Id, $"id already used in {taken[s.Id]}")));
        }

        if (problems.Count > 0)
        {
            stderr.WriteLine($"Refused {file}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}. Nothing was imported.");
            foreach (var error in problems)
            {
                stderr.WriteLine("  " + error);
            }

            return 1;
        }

        Directory.CreateDirectory(localPath);
        var replaced = File.Exists(target);
        File.Copy(file, target, overwrite: true);
        stdout.WriteLine($"Imported {services.Count} entr{(services.Count == 1 ? "y" : "ies")} into {target}{(replaced ? " (replaced the earlier copy)" : "")}.");
        var stale = services.Where(s => IsStale(s, DefaultMaxAgeDays, today)).ToList();
        if (stale.Count > 0)
        {
            stdout.WriteLine($"Note: {stale.Count} entr{(stale.Count == 1 ? "y was" : "ies were")} verified more than {DefaultMaxAgeDays} days ago; re-check them (directory check).");
        }

        return 0;
    }

    private static int Check(string localPath, int maxAgeDays, DateOnly today, TextWriter stdout, TextWriter stderr)
    {
        if (!TryLoad(localPath, today, stderr, out var directory))
        {
            return 2;
        }

        var stale = directory.AllEntries
            .Where(s => s.IsActive && IsStale(s, maxAgeDays, today))
            .OrderBy(s => s.LastVerified)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var active = directory.AllEntries.Count(s => s.IsActive);
        if (stale.Count == 0)
        {
            stdout.WriteLine($"All {active} entries were verified within the last {maxAgeDays} days.");
            return 0;
        }

        stdout.WriteLine($"{stale.Count} of {active} entries were last verified more than {maxAgeDays} days ago. Re-check each against its source:");
        foreach (var service in stale)
        {
            var age = today.DayNumber - service.LastVerified.DayNumber;
            stdout.WriteLine($"  {service.Id}  verified {service.LastVerified:yyyy-MM-dd} ({age} days)  {service.SourceFile}  {service.SourceUrl}");
        }

        return 1;
    }

    private static int List(string localPath, DateOnly today, TextWriter stdout, TextWriter stderr)
    {
        if (!TryLoad(localPath, today, stderr, out var directory))
        {
            return 2;
        }

        foreach (var service in directory.AllEntries)
        {
            var contacts = string.Join(", ", service.Channels.Select(c => c.Contact));
            stdout.WriteLine($"{service.Id}\t{service.Status.ToWire()}\t{service.Name.Ja}\t{contacts}");
        }

        return 0;
    }

    private static bool TryLoad(string localPath, DateOnly today, TextWriter stderr, out SupportDirectory directory)
    {
        try
        {
            var files = SupportDirectory.EmbeddedFiles().Concat(SupportDirectory.LocalFiles(localPath));
            directory = new SupportDirectory(DirectoryLoader.LoadAll(files, today));
            return true;
        }
        catch (DirectoryDataException ex)
        {
            stderr.WriteLine(ex.Message);
            directory = null!;
            return false;
        }
    }

    private static bool IsStale(SupportService service, int maxAgeDays, DateOnly today) =>
        service.LastVerified.AddDays(maxAgeDays) < today;

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static bool TryParseArguments(string[] args, out string verb, out string? file, out string localPath, out int maxAgeDays, out string problem)
    {
        verb = args.Length > 0 ? args[0] : string.Empty;
        file = null;
        localPath = SupportDirectoryOptions.DefaultLocalPath;
        maxAgeDays = DefaultMaxAgeDays;
        problem = string.Empty;

        if (verb is not ("import" or "check" or "list"))
        {
            problem = args.Length == 0 ? "Missing sub-command." : $"Unknown sub-command '{verb}'.";
            return false;
        }

        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--local-path" when i + 1 < args.Length:
                    localPath = args[++i];
                    break;
                case "--max-age-days" when i + 1 < args.Length && verb == "check":
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out maxAgeDays))
                    {
                        problem = $"--max-age-days needs a whole number of days, not '{args[i]}'.";
                        return false;
                    }

                    break;
                default:
                    if (verb == "import" && file is null && !args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        file = args[i];
                        break;
                    }

                    problem = $"Unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (verb == "import" && file is null)
        {
            problem = "directory import needs the FILE to import.";
            return false;
        }

        return true;
    }
}
