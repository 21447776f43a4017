namespace Simulator.Cluster.Metrics;

/// <summary>
/// A recorder that takes a row at every metrics sample. <see cref="MetricsRecorder"/> calls it at
/// the same instants as the time series, so there is one sampling timer per run, not one each.
/// </summary>
public interface IIntervalSampler
{
    void Sample();
}
