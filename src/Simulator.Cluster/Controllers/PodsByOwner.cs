using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// A controller's own pod informer, indexed by the UID of each pod's controller owner of one
/// kind, kept from watch events alone (a controller never scans every pod in the store).
/// </summary>
internal sealed class PodsByOwner(string ownerKind)
{
    private static readonly IReadOnlyCollection<Pod> None = [];

    private readonly Dictionary<string, Dictionary<string, Pod>> _byOwner = new(StringComparer.Ordinal);

    /// <summary>
    /// Applies one watch event. Returns the owner's UID when the pod has a controller of this
    /// kind (so the caller can queue it), otherwise null.
    /// </summary>
    public string? Apply(WatchEventType type, Pod pod)
    {
        var owner = pod.Metadata.Controller;
        if (owner is null || owner.Kind != ownerKind) return null;
        if (type == WatchEventType.Deleted)
        {
            if (_byOwner.TryGetValue(owner.Uid, out var set) && set.Remove(pod.Key) && set.Count == 0)
                _byOwner.Remove(owner.Uid);
        }
        else
        {
            if (!_byOwner.TryGetValue(owner.Uid, out var set))
                _byOwner[owner.Uid] = set = new Dictionary<string, Pod>(StringComparer.Ordinal);
            set[pod.Key] = pod;
        }
        return owner.Uid;
    }

    /// <summary>The stored pods whose controller is <paramref name="ownerUid"/>, including terminating and finished ones.</summary>
    public IReadOnlyCollection<Pod> Of(string ownerUid) =>
        _byOwner.TryGetValue(ownerUid, out var set) ? set.Values : None;

    /// <summary>
    /// kube-controller-manager's IsPodActive: not Succeeded, not Failed and not being deleted.
    /// A terminating pod is not counted, so its replacement is created as soon as deletion begins.
    /// </summary>
    public static bool IsActive(Pod pod) => !pod.IsTerminal && !pod.IsTerminating;
}
