namespace Simulator.Cluster.Metrics;

/// <summary>Why a run stopped where it did.</summary>
public enum RunEnd
{
    /// <summary>It reached the scenario's (or --duration's) end time.</summary>
    Duration,

    /// <summary>No duration was given and nothing was left to happen.</summary>
    Quiescent,

    /// <summary>No duration was given and the cluster never went quiet (pods restarting forever, random faults): stopped at the safety limit.</summary>
    TimeLimit,

    /// <summary>Interrupted (Ctrl+C); the results are partial.</summary>
    Interrupted,
}
