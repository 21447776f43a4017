using BenchmarkDotNet.Running;
using Simulator.Benchmarks.Autoscaling;
using Simulator.Benchmarks.Engine;
using Simulator.Benchmarks.Scheduling;
using Simulator.Benchmarks.Workloads;

if (args is [EngineQuick.Command, .. var pending])
{
    EngineQuick.Run([.. pending.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))]);
    return;
}
if (args is [SchedulerQuick.Command, .. var quickArgs])
{
    SchedulerQuick.Run(quickArgs);
    return;
}
if (args is [RequestsQuick.Command, .. var requestArgs])
{
    RequestsQuick.Run(requestArgs);
    return;
}
if (args is [FgdQuick.Command, .. var fgdArgs])
{
    FgdQuick.Run(fgdArgs);
    return;
}
if (args is [AutoscalerQuick.Command, .. var autoscalerArgs])
{
    AutoscalerQuick.Run(autoscalerArgs);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
