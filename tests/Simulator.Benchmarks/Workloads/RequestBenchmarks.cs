using BenchmarkDotNet.Attributes;
using Simulator.Engine;

namespace Simulator.Benchmarks.Workloads;

/// <summary>Ten simulated seconds (about 10,000 requests) of <see cref="RequestWorkload"/> per invocation.</summary>
[MemoryDiagnoser]
public class RequestBenchmarks
{
    private static readonly SimDuration Span = SimDuration.FromSeconds(10);
    private RequestWorkload _workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new RequestWorkload();
        _workload.RunFor(SimDuration.FromMinutes(1));
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public void TenSecondsOfTraffic() => _workload.RunFor(Span);
}
