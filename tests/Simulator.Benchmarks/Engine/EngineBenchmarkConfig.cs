using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Simulator.Benchmarks.Engine;

/// <summary>
/// Few iterations, because the machine is small and shared; in process, so a run starts no build
/// of its own (builds on the shared machine take a lock that running a built benchmark does
/// not); events/s next to BenchmarkDotNet's time per event; allocated bytes per event from the
/// memory diagnoser.
/// </summary>
internal sealed class EngineBenchmarkConfig : ManualConfig
{
    public EngineBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(ThroughputColumn.MillionEventsPerSecond());
        HideColumns(Column.Error, Column.StdDev);
    }
}
