using System.Reflection;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Domain.Support;

/// <summary>
/// The validated, immutable set of support services: the national data embedded in this library
/// plus an operator's local lists. Build it once at start with <see cref="LoadDefault"/>;
/// invalid data throws <see cref="DirectoryDataException"/> naming file, entry and reason.
/// </summary>
public sealed class SupportDirectory
{
    private const string ResourcePrefix = "ChatSupport.Domain.Support.Data.";
    private readonly Dictionary<string, SupportService> _byId;

    public SupportDirectory(IEnumerable<SupportService> entries)
    {
        AllEntries = entries.ToList();
        _byId = AllEntries.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Services = AllEntries.Where(s => s.IsActive).ToList();
        EmergencyNumbers = Services.Where(s => s.IsEmergency).ToList();
    }

    /// <summary>Every entry, including expired ones (which are never offered).</summary>
    public IReadOnlyList<SupportService> AllEntries { get; }

    /// <summary>Entries that may be offered (not expired), emergency numbers included.</summary>
    public IReadOnlyList<SupportService> Services { get; }

    /// <summary>110 and 119, for every crisis reply.</summary>
    public IReadOnlyList<SupportService> EmergencyNumbers { get; }

    public SupportService? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads the embedded national data and every *.yaml / *.yml file in <paramref name="localPath"/>.</summary>
    /// <param name="localPath">Folder of local lists; null or a missing folder means national data only.</param>
    /// <param name="time">Clock for checking that verification dates are not in the future; system clock by default.</param>
    public static SupportDirectory LoadDefault(string? localPath = null, TimeProvider? time = null)
    {
        var files = EmbeddedFiles().Concat(LocalFiles(localPath));
        return new SupportDirectory(DirectoryLoader.LoadAll(files, JapanTime.Today(time ?? TimeProvider.System)));
    }

    /// <summary>The embedded national data files as (name, YAML) pairs.</summary>
    public static IEnumerable<(string FileName, string Yaml)> EmbeddedFiles()
    {
        var assembly = typeof(SupportDirectory).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} disappeared.");
            using var reader = new StreamReader(stream);
            yield return ("Support/Data/" + name[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>The local list files in a folder, in name order.</summary>
    public static IEnumerable<(string FileName, string Yaml)> LocalFiles(string? localPath)
    {
        if (string.IsNullOrWhiteSpace(localPath) || !System.IO.Directory.Exists(localPath))
        {
            yield break;
        }

        var paths = System.IO.Directory.EnumerateFiles(localPath)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            yield return (path, File.ReadAllText(path));
        }
    }

    /// <summary>
    /// Services that can be reached right now, around the clock, for someone in danger: a live
    /// channel (phone, LINE, chat, SNS) that is open 24 hours, from a service for suicidal
    /// crises that fits the person's region and age. Local services come first.
    /// </summary>
    public IReadOnlyList<RoutedService> AroundTheClockCrisisContacts(
        DateTimeOffset now, string? prefectureCode = null, int? age = null, AgeBand? ageBand = null)
    {
        var result = new List<(RoutedService Routed, int Score)>();
        foreach (var service in Services)
        {
            if (service.IsEmergency || !service.Helps(SupportCategory.Suicidal)
                || !SupportRouter.RegionFits(service, prefectureCode) || !SupportRouter.AgeFits(service, age, ageBand, otherPerson: false))
            {
                continue;
            }

            var channel = service.Channels
                .Where(c => c.IsRealTime && c.AvailableIn(prefectureCode))
                .Select(c => (Channel: c, Status: c.StatusAt(now)))
                .Where(x => x.Status is { IsOpen: true, Is24Hours: true })
                .OrderBy(x => x.Channel.PrefectureCodes.Count > 0 ? 0 : 1)
                .ThenBy(x => x.Channel.Cost == CostKind.Free ? 0 : 1)
                .FirstOrDefault();
            if (channel.Channel is null)
            {
                continue;
            }

            var score = (service.Region.Scope != RegionScope.National ? 20 : 0)
                + (service.Status == ServiceStatus.Official ? 10 : 0)
                + (service.Target.IsSpecific ? 5 : 0);
            var reasons = RouteReasons.OpenNow | RouteReasons.AroundTheClock | RouteReasons.CategoryMatch
                | (service.Region.Scope != RegionScope.National ? RouteReasons.LocalRegion : RouteReasons.None);
            result.Add((new RoutedService(service, channel.Channel, channel.Status, reasons, [SupportCategory.Suicidal]), score));
        }

        return result.OrderByDescending(r => r.Score).Select(r => r.Routed).ToList();
    }
}
