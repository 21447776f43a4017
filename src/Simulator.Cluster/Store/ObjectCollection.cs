using Simulator.Cluster.Api;

namespace Simulator.Cluster.Store;

/// <summary>A component that watches one kind of object (Deployments, ReplicaSets, Jobs...).</summary>
public interface IObjectWatcher<in T>
    where T : class, IApiObject
{
    void OnObjectEvent(WatchEventType type, T obj);
}

/// <summary>Delivers one queued notification to the watchers of its kind.</summary>
internal interface INotificationTarget
{
    void Deliver(WatchEventType type, object obj);
}

/// <summary>
/// The stored objects of one workload kind, in creation order, with their watchers. Writes go
/// through the store's notification queue like pod and node writes, so ordering is global.
/// </summary>
public sealed class ObjectCollection<T> : INotificationTarget
    where T : class, IApiObject
{
    private readonly ClusterStore _store;
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);
    private readonly List<T> _ordered = [];
    private readonly List<IObjectWatcher<T>> _watchers = [];
    private readonly string _resource;

    internal ObjectCollection(ClusterStore store, string resource)
    {
        _store = store;
        _resource = resource;
    }

    /// <summary>Objects in creation order.</summary>
    public IReadOnlyList<T> Items => _ordered;

    public int Count => _ordered.Count;

    public T? Get(string key) => _byKey.GetValueOrDefault(key);

    public void Watch(IObjectWatcher<T> watcher) => _watchers.Add(watcher);

    public void Create(T obj)
    {
        if (_byKey.ContainsKey(obj.Metadata.Key))
            throw new StoreException("AlreadyExists", $"{_resource} \"{obj.Metadata.Name}\" already exists");
        _store.Stamp(obj.Metadata);
        _byKey.Add(obj.Metadata.Key, obj);
        _ordered.Add(obj);
        _store.Enqueue(WatchEventType.Added, obj, this);
    }

    /// <summary>A write of spec or status (the simulation mutates objects in place; this announces it).</summary>
    public void Update(T obj)
    {
        if (!_byKey.ContainsKey(obj.Metadata.Key))
            throw new StoreException("NotFound", $"{_resource} \"{obj.Metadata.Name}\" not found");
        _store.Touch(obj.Metadata);
        _store.Enqueue(WatchEventType.Modified, obj, this);
    }

    public void Delete(T obj)
    {
        if (!_byKey.Remove(obj.Metadata.Key)) return;
        _ordered.Remove(obj);
        obj.Metadata.DeletionTimestamp ??= _store.Now;
        _store.Touch(obj.Metadata);
        _store.Enqueue(WatchEventType.Deleted, obj, this);
    }

    void INotificationTarget.Deliver(WatchEventType type, object obj)
    {
        var typed = (T)obj;
        foreach (var w in _watchers) w.OnObjectEvent(type, typed);
    }
}
