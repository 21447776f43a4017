using BenchmarkDotNet.Running;
using Simulator.Benchmarks.Engine;

if (args is [EngineQuick.Command])
{
    EngineQuick.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
