using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// A controller's informer cache of one kind, by UID, from watch events. Deleted objects leave a
/// tombstone until the controller has cleaned up after them (the garbage collector's part).
/// </summary>
internal sealed class ObjectCache<T>
    where T : class, IApiObject
{
    private readonly Dictionary<string, T> _live = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    public IEnumerable<T> Items => _live.Values;

    /// <summary>Records the change and returns the object's UID (the work-queue key).</summary>
    public string Apply(WatchEventType type, T obj)
    {
        var uid = obj.Metadata.Uid;
        if (type == WatchEventType.Deleted)
        {
            _live.Remove(uid);
            _deleted.Add(uid);
        }
        else
        {
            _live[uid] = obj;
        }
        return uid;
    }

    public bool TryGet(string uid, out T obj) => _live.TryGetValue(uid, out obj!);

    /// <summary>Live, or deleted and not yet cleaned up after.</summary>
    public bool Knows(string uid) => _live.ContainsKey(uid) || _deleted.Contains(uid);

    public bool IsDeleted(string uid) => _deleted.Contains(uid);

    /// <summary>Drops the tombstone once cleanup is done; true if there was one.</summary>
    public bool Forget(string uid) => _deleted.Remove(uid);
}
