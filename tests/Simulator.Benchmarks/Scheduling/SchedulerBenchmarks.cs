using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Benchmarks.Scheduling;

/// <summary>
/// One batch per iteration (iteration setup and cleanup build and remove it, untimed); few
/// iterations, because the machine is small and shared; pods/s next to the time per pod. In
/// process, so running the benchmark never builds anything (builds share one lock here).
/// </summary>
internal sealed class SchedulerBenchmarkConfig : ManualConfig
{
    public SchedulerBenchmarkConfig()
    {
        AddJob(BenchmarkDotNet.Jobs.Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(ThroughputColumn.PodsPerSecond());
        HideColumns(Column.Error, Column.StdDev);
    }
}

/// <summary>
/// The default profile on a 5,000-node heterogeneous cluster. <see cref="ScheduleAndBind"/> is the
/// whole path a pod takes, from its creation in the store to its binding and kubelet admission;
/// <see cref="SchedulingCycleOnly"/> is SchedulingCycle.Schedule alone (filter about 500 sampled
/// nodes, score the feasible ones, pick one) without changing the cluster. Both report per pod:
/// time, pods/s and allocated bytes.
/// </summary>
[Config(typeof(SchedulerBenchmarkConfig))]
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    public const int PodsPerInvoke = 1_000;

    private SchedulerWorkload _workload = null!;
    private Pod[] _batch = [];
    private SchedulingCycle _cycle = null!;
    private IReadOnlyList<NodeInfo> _nodes = [];
    private PodInfo[] _infos = [];

    [Params(5_000)]
    public int Nodes { get; set; }

    [GlobalSetup(Target = nameof(ScheduleAndBind))]
    public void SetupWholePath()
    {
        _workload = new SchedulerWorkload(Nodes);
        for (int i = 0; i < 3; i++)
        {
            var warm = _workload.NextBatch(PodsPerInvoke);
            _workload.Schedule(warm);
            _workload.Remove(warm);
        }
    }

    [GlobalSetup(Target = nameof(SchedulingCycleOnly))]
    public void SetupCycleOnly()
    {
        _workload = new SchedulerWorkload(Nodes);
        (_cycle, _nodes, _infos) = _workload.CycleOnly(PodsPerInvoke);
    }

    [IterationSetup(Target = nameof(ScheduleAndBind))]
    public void NextBatch() => _batch = _workload.NextBatch(PodsPerInvoke);

    [IterationCleanup(Target = nameof(ScheduleAndBind))]
    public void RemoveBatch() => _workload.Remove(_batch);

    [Benchmark(OperationsPerInvoke = PodsPerInvoke)]
    public void ScheduleAndBind() => _workload.Schedule(_batch);

    [Benchmark(OperationsPerInvoke = PodsPerInvoke)]
    public int SchedulingCycleOnly()
    {
        int bound = 0;
        foreach (var pod in _infos)
            if (_cycle.Schedule(pod, _nodes).Succeeded) bound++;
        return bound;
    }
}
