using Simulator.Engine;

namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// CA's exponential node group backoff: after a failed scale-up (a node not registered within
/// max-node-provision-time) the group is skipped for the initial backoff (5 min), doubled on each
/// further failure up to the maximum (30 min); a failure more than the reset timeout (3 h) after
/// the previous one, or after a scale-up of the group that succeeded, starts again from the initial duration.
/// </summary>
internal sealed class NodeGroupBackoff
{
    private SimDuration _duration;
    private SimTime _lastFailure;
    private bool _failed;

    public SimTime Until { get; private set; }

    /// <summary>The current backoff's length.</summary>
    public SimDuration Duration => _duration;

    public bool IsBackedOff(SimTime now) => _failed && now < Until;

    public void Failed(SimTime now, ClusterAutoscalerSettings settings)
    {
        bool reset = !_failed || now - _lastFailure > settings.NodeGroupBackoffReset;
        _duration = reset ? settings.InitialNodeGroupBackoff : Min(_duration * 2, settings.MaxNodeGroupBackoff);
        _failed = true;
        _lastFailure = now;
        Until = now + _duration;
    }

    /// <summary>A scale-up of the group succeeded: the next failure starts from the initial backoff again.</summary>
    public void Reset()
    {
        _failed = false;
        _duration = SimDuration.Zero;
    }

    private static SimDuration Min(SimDuration a, SimDuration b) => a < b ? a : b;
}
