using System.Collections;

namespace Simulator.Cluster.Api;

/// <summary>
/// An immutable set of resource amounts in ksim's integer base units (CPU in millicores, memory
/// and storage in bytes, everything else in whole units), sorted by name so that iteration,
/// printing and hashing are deterministic.
/// </summary>
public sealed class ResourceList : IEnumerable<KeyValuePair<string, long>>
{
    public static readonly ResourceList Empty = new([]);

    private readonly KeyValuePair<string, long>[] _items;

    private ResourceList(KeyValuePair<string, long>[] sortedItems) => _items = sortedItems;

    public static ResourceList From(IEnumerable<KeyValuePair<string, long>> items)
    {
        var merged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in items)
            merged[name] = merged.TryGetValue(name, out var v) ? checked(v + value) : value;
        return merged.Count == 0 ? Empty : new ResourceList([.. merged]);
    }

    public static ResourceList Of(params (string Name, long Value)[] items) =>
        From(items.Select(i => new KeyValuePair<string, long>(i.Name, i.Value)));

    public int Count => _items.Length;

    public long this[string name] => Get(name);

    public long Get(string name)
    {
        foreach (var item in _items)
            if (item.Key == name) return item.Value;
        return 0;
    }

    public bool Contains(string name)
    {
        foreach (var item in _items)
            if (item.Key == name) return true;
        return false;
    }

    public ResourceList Add(ResourceList other) => From(_items.Concat(other._items));

    /// <summary>Per-resource maximum, used for init containers (the pod needs the largest of them).</summary>
    public ResourceList Max(ResourceList other)
    {
        var merged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (k, v) in _items) merged[k] = v;
        foreach (var (k, v) in other._items) merged[k] = merged.TryGetValue(k, out var cur) ? Math.Max(cur, v) : v;
        return From(merged);
    }

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, long>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(",", _items.Select(i => $"{i.Key}={i.Value}"));
}
