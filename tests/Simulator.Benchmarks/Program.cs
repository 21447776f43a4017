using BenchmarkDotNet.Running;
using Simulator.Benchmarks.Engine;

if (args is [EngineQuick.Command, .. var pending])
{
    EngineQuick.Run([.. pending.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
