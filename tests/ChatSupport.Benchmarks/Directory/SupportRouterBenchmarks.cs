using BenchmarkDotNet.Attributes;
using ChatSupport.Domain.Risk;
using ChatSupport.Domain.Support;

namespace ChatSupport.Benchmarks.Directory;

/// <summary>
/// Cost of routing one person (runs inside a turn, including the crisis interrupt) and of
/// loading the directory at start. Run: dotnet run -c Release --project tests/ChatSupport.Benchmarks -- --filter *SupportRouter*
/// </summary>
[MemoryDiagnoser]
public class SupportRouterBenchmarks
{
    private SupportDirectory _directory = null!;
    private SupportRouter _router = null!;

    // 03:00 on a Tuesday: most lines are closed, so the router looks ahead for the next opening.
    private static readonly DateTimeOffset Night = JapanTime.At(2026, 11, 24, 3, 0);

    private static readonly RouteQuery Bullying = new() { Categories = [SupportCategory.Bullying], AgeBand = AgeBand.JuniorHighSchool };
    private static readonly RouteQuery CriticalAdult = new() { Categories = [SupportCategory.Suicidal, SupportCategory.Loneliness], Age = 24, RiskLevel = RiskLevel.Critical };

    [GlobalSetup]
    public void Setup()
    {
        _directory = SupportDirectory.LoadDefault();
        _router = new SupportRouter(_directory);
    }

    [Benchmark]
    public int RouteBullyingAtNight() => _router.Route(Bullying, Night).Count;

    [Benchmark]
    public int RouteCriticalAtNight() => _router.Route(CriticalAdult, Night).Count;

    [Benchmark]
    public int CrisisContactsNow() => _directory.AroundTheClockCrisisContacts(Night).Count;

    [Benchmark]
    public int LoadDefault() => SupportDirectory.LoadDefault().Services.Count;
}
