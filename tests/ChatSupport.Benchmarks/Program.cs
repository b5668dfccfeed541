using BenchmarkDotNet.Running;

namespace ChatSupport.Benchmarks;

internal static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // A wall-clock scenario over the real host (not a BenchmarkDotNet micro-benchmark).
        if (args.Length > 0 && args[0] == "handoff-latency")
        {
            Handoff.HandoffQueueLatency.RunAsync(args[1..]).GetAwaiter().GetResult();
            return;
        }

        // Minutes of mixed traffic against a separate node process, reporting memory and handles.
        if (args.Length > 0 && args[0] == "soak")
        {
            Environment.ExitCode = Soak.Soak.RunAsync(args[1..]).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
