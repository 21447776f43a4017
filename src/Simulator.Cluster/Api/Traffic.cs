using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum TrafficPatternKind
{
    /// <summary>Rate R throughout.</summary>
    Constant,

    /// <summary>Piecewise constant: (from, rate) steps.</summary>
    Steps,

    /// <summary>base + amplitude * sin(2 pi (t - phase) / period), never below 0.</summary>
    Diurnal,

    /// <summary>Base rate with bursts: every Every, the rate is Peak for Length.</summary>
    Bursts,

    /// <summary>Replayed (time, rate) points from a CSV, piecewise constant.</summary>
    Replay,
}

/// <summary>A request rate (requests per second) as a function of virtual time.</summary>
public sealed record TrafficPattern
{
    public TrafficPatternKind Kind { get; init; } = TrafficPatternKind.Constant;

    /// <summary>Constant rate, the diurnal base, or the rate between bursts.</summary>
    public double Rate { get; init; }

    /// <summary>Steps and Replay: (from, rate) in time order.</summary>
    public IReadOnlyList<(SimTime From, double Rate)> Points { get; init; } = [];
    public double Amplitude { get; init; }
    public SimDuration Period { get; init; } = SimDuration.FromHours(24);
    public SimDuration Phase { get; init; }
    public double PeakRate { get; init; }
    public SimDuration BurstEvery { get; init; }
    public SimDuration BurstLength { get; init; }
}

/// <summary>
/// A ksim.dev Traffic object: requests aimed at a Service by DNS name, arriving as a Poisson
/// process at the pattern's rate, from a number of distinct clients (for session affinity).
/// </summary>
public sealed record Traffic
{
    public required string Name { get; init; }

    /// <summary>"web.default.svc.cluster.local" (or a short "web.default" / "web" in the Traffic's namespace).</summary>
    public required string Target { get; init; }
    public string Namespace { get; init; } = "default";
    public required TrafficPattern Pattern { get; init; }
    public int Clients { get; init; } = 100;

    /// <summary>A request not answered within this fails with reason Timeout; null: no timeout.</summary>
    public SimDuration? Timeout { get; init; }
    public SimTime Start { get; init; }
    public SimTime? End { get; init; }
}
