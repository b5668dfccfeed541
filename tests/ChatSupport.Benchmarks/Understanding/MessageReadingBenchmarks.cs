using System.Text;
using BenchmarkDotNet.Attributes;
using ChatSupport.Benchmarks.Risk;
using ChatSupport.Domain.Understanding;

namespace ChatSupport.Benchmarks.Understanding;

/// <summary>
/// The whole pass of reading one message: normalize once, the risk scan and the understanding scan
/// (<see cref="UnderstandingEngine.Scan"/>), against the risk scan alone, over the same ~1 MB (UTF-8) of
/// generated Japanese chat as the risk benchmark. Per message (OperationsPerInvoke); MB/s = UTF-8 bytes per
/// message / time. The floor is 50 MB/s and no allocation.
/// Run: dotnet run -c Release --project tests/ChatSupport.Benchmarks -- --filter '*MessageReading*' --job short
/// </summary>
[MemoryDiagnoser]
public class MessageReadingBenchmarks
{
    private string[] _messages = [];
    private UnderstandingEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = UnderstandingEngine.CreateDefault();
        _messages = ChatCorpus.Generate(RiskScanBenchmarks.MessageCount, RiskScanBenchmarks.MessageLength, seed: 20260201);
        var bytes = _messages.Sum(m => Encoding.UTF8.GetByteCount(m));
        Console.WriteLine($"// corpus: {_messages.Length} messages, {bytes:N0} UTF-8 bytes ({(double)bytes / _messages.Length:0} per message)");
        foreach (var m in _messages)
        {
            _engine.Scan(m);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RiskScanBenchmarks.MessageCount)]
    public int RiskOnly()
    {
        var sum = 0;
        foreach (var m in _messages)
        {
            sum += (int)_engine.Risk.Scan(m).Level;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = RiskScanBenchmarks.MessageCount)]
    public int RiskAndUnderstanding()
    {
        var sum = 0;
        foreach (var m in _messages)
        {
            var r = _engine.Scan(m);
            sum += (int)r.Risk.Level + (int)r.Understanding.IntentMask;
        }

        return sum;
    }
}
