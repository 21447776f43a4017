using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// The kubelet's restart backoff for one container (the state behind CrashLoopBackOff): 10 s
/// after the first exit, doubling on each further exit up to 5 min, and back to 10 s once the
/// container has run for 10 min (twice the cap, the kubelet's flowcontrol.Backoff expiry).
/// <para>
/// The documented sequence (10 s, 20 s, 40 s, ...) is what ksim reproduces. The kubelet's code
/// actually restarts immediately after the very first exit and only then starts at 10 s
/// (kubernetes/kubernetes#133472, open); ksim follows the documentation.
/// </para>
/// </summary>
internal struct CrashLoopBackoff
{
    /// <summary>kubelet initial container restart backoff.</summary>
    public static readonly SimDuration Initial = SimDuration.FromSeconds(10);

    /// <summary>kubelet MaxContainerBackOff.</summary>
    public static readonly SimDuration Max = SimDuration.FromMinutes(5);

    /// <summary>A run at least this long forgets earlier crashes.</summary>
    public static readonly SimDuration ResetAfter = SimDuration.FromMinutes(10);

    private SimDuration _current;

    /// <summary>The delay before the next restart of a container that exited after running for <paramref name="ran"/>.</summary>
    public SimDuration Next(SimDuration ran)
    {
        _current = _current == SimDuration.Zero || ran >= ResetAfter
            ? Initial
            : SimDuration.Min(_current * 2, Max);
        return _current;
    }
}
