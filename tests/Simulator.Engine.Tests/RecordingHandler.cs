using Simulator.Engine;

namespace Simulator.Engine.Tests;

/// <summary>Remembers which events ran and what the clock said when they did.</summary>
internal sealed class RecordingHandler(Simulation sim) : IEventHandler
{
    public List<(long Arg, SimTime At)> Runs { get; } = [];

    public long[] Args => [.. Runs.Select(r => r.Arg)];

    public void OnEvent(object? state, long arg) => Runs.Add((arg, sim.Now));
}
