using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum RequestCostDistribution
{
    /// <summary>Every request takes exactly the mean.</summary>
    Constant,

    /// <summary>Exponentially distributed with the given mean (an M/M/c server).</summary>
    Exponential,
}

/// <summary><c>ksim.dev/request-cost</c>: "20ms" (constant) or "exponential:20ms".</summary>
public sealed record RequestCost(SimDuration Mean, RequestCostDistribution Distribution = RequestCostDistribution.Constant);
