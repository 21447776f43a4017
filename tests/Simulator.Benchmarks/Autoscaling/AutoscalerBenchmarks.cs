using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Simulator.Benchmarks.Autoscaling;

/// <summary>
/// One scan per invocation, each after an untimed reset (a scale-up scan's requested nodes are
/// cancelled, <see cref="AutoscalerWorkload.Reset"/>); few iterations, because the machine is
/// small and shared. In process, so running the benchmark never builds anything.
/// </summary>
internal sealed class AutoscalerBenchmarkConfig : ManualConfig
{
    public AutoscalerBenchmarkConfig()
    {
        AddJob(BenchmarkDotNet.Jobs.Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithInvocationCount(1).WithUnrollFactor(1));
        HideColumns(Column.Error, Column.StdDev);
    }
}

/// <summary>
/// The Cluster Autoscaler's scan (<c>ClusterAutoscaler.RunOnce</c>) on the clusters of
/// <see cref="AutoscalerWorkload"/>: 300 pods pending on a full cluster (scale-up), one node in
/// five under-utilized (scale-down's drain simulation), and a busy cluster with nothing to do
/// (steady state). Time and allocated bytes per scan.
/// </summary>
[Config(typeof(AutoscalerBenchmarkConfig))]
[MemoryDiagnoser]
public class AutoscalerBenchmarks
{
    private AutoscalerWorkload _workload = null!;

    [Params(AutoscalerCase.ScaleUp, AutoscalerCase.ScaleDown, AutoscalerCase.Steady)]
    public AutoscalerCase Case { get; set; }

    [Params(1_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = new AutoscalerWorkload(Nodes, Case);

    [IterationCleanup]
    public void Reset() => _workload.Reset();

    [Benchmark]
    public void Scan() => _workload.Scan();
}
