using System.Text;
using BenchmarkDotNet.Attributes;
using ChatSupport.Domain.Risk;

namespace ChatSupport.Benchmarks.Risk;

/// <summary>
/// One very long message through the whole risk assessment, at 64 KB and at 1 MB: the 1 MB time should be about
/// 16 times the 64 KB time (linear), never the square. This replaced a wall-clock assertion in the unit tests
/// (a 5 s limit there failed on loaded machines for no fault of the code).
/// Run: dotnet run -c Release --project tests/ChatSupport.Benchmarks -- --filter '*LargeMessage*' --job short
/// </summary>
[MemoryDiagnoser]
public class LargeMessageBenchmarks
{
    private RiskEngine _engine = null!;
    private string _text = string.Empty;

    [Params(64 * 1024, 1024 * 1024)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = RiskEngine.CreateDefault();
        string[] parts = ["きょうは部活でつかれた。", "ｗｗｗ", "明日テストやばい、", "😭", "し に た い", "\u200b", "ABC def "];
        var sb = new StringBuilder(Length + 32);
        for (var i = 0; sb.Length < Length; i++)
        {
            sb.Append(parts[i % parts.Length]);
        }

        _text = sb.ToString(0, Length);
        _engine.Assess(_text);
    }

    [Benchmark]
    public RiskLevel AssessWholeMessage() => _engine.Assess(_text).Level;
}
