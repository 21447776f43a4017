namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// The part of kube-scheduler's framework Handle that plugins use to see and decide pods held at
/// Permit (IterateOverWaitingPods, GetWaitingPod): a gang plugin allows all siblings at once, or
/// rejects them all when the gang cannot be completed.
/// </summary>
public interface IWaitingPods
{
    /// <summary>The pods held at Permit, in the order they started waiting.</summary>
    IReadOnlyList<WaitingPod> All { get; }

    /// <summary>The waiting pod with this key ("namespace/name"), or null.</summary>
    WaitingPod? Get(string podKey);
}
