namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// The scheduler's waiting-pods map: pods held at Permit by key, kept in arrival order so that
/// plugins iterating it decide deterministically, and the decisions taken since the scheduler last
/// looked, in the order they were taken.
/// </summary>
internal sealed class WaitingPodMap : IWaitingPods
{
    private readonly List<WaitingPod> _ordered = [];
    private readonly Dictionary<string, WaitingPod> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<WaitingPod> _decided = new();

    public IReadOnlyList<WaitingPod> All => _ordered;

    public int Count => _ordered.Count;

    public WaitingPod? Get(string podKey) => _byKey.GetValueOrDefault(podKey);

    internal void Add(WaitingPod pod)
    {
        _ordered.Add(pod);
        _byKey.Add(pod.Pod.Key, pod);
    }

    internal bool Remove(WaitingPod pod)
    {
        if (!_byKey.Remove(pod.Pod.Key)) return false;
        _ordered.Remove(pod);
        return true;
    }

    /// <summary>Called by <see cref="WaitingPod.Allow"/> and <see cref="WaitingPod.Reject"/>.</summary>
    internal void OnDecided(WaitingPod pod) => _decided.Enqueue(pod);

    /// <summary>The next decision to act on, oldest first.</summary>
    internal bool TryTakeDecided(out WaitingPod pod) => _decided.TryDequeue(out pod!);
}
