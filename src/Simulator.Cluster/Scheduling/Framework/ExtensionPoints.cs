namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// The extension points a profile places a plugin at (KubeSchedulerConfiguration's
/// <c>plugins.queueSort</c>, <c>preFilter</c>, ...). <see cref="All"/> is <c>multiPoint</c>: every
/// point the plugin implements.
/// </summary>
[Flags]
public enum ExtensionPoints
{
    None = 0,
    QueueSort = 1,
    PreFilter = 2,
    Filter = 4,
    PostFilter = 8,
    PreScore = 16,
    Score = 32,
    Reserve = 64,
    Permit = 128,
    All = QueueSort | PreFilter | Filter | PostFilter | PreScore | Score | Reserve | Permit,
}
