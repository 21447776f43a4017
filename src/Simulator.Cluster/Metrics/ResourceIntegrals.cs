using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Requested and allocatable amounts per resource as step functions of time, with their exact
/// integrals (Int128: bytes x microseconds overflows a long within hours), so that allocation
/// ratios are time-weighted rather than averages of samples.
/// </summary>
public sealed class ResourceIntegrals
{
    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private SimTime _last;

    private sealed class Entry
    {
        public long Requested;
        public long Allocatable;
        public Int128 RequestedIntegral;
        public Int128 AllocatableIntegral;
    }

    /// <summary>Brings the integrals up to <paramref name="now"/> (call before every change).</summary>
    public void Advance(SimTime now)
    {
        long dt = (now - _last).Microseconds;
        if (dt <= 0) return;
        foreach (var e in _entries.Values)
        {
            e.RequestedIntegral += (Int128)e.Requested * dt;
            e.AllocatableIntegral += (Int128)e.Allocatable * dt;
        }
        _last = now;
    }

    public void AddRequested(string resource, long delta) => Get(resource).Requested += delta;

    public void AddAllocatable(string resource, long delta) => Get(resource).Allocatable += delta;

    public IReadOnlyDictionary<string, long> RequestedNow() => _entries.ToDictionary(kv => kv.Key, kv => kv.Value.Requested, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> AllocatableNow() => _entries.ToDictionary(kv => kv.Key, kv => kv.Value.Allocatable, StringComparer.Ordinal);

    /// <summary>Per resource: integral of requested / integral of allocatable (0 when nothing was allocatable).</summary>
    public IReadOnlyDictionary<string, double> Ratios()
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, e) in _entries)
            result[name] = e.AllocatableIntegral == 0 ? 0 : (double)e.RequestedIntegral / (double)e.AllocatableIntegral;
        return result;
    }

    private Entry Get(string resource)
    {
        if (!_entries.TryGetValue(resource, out var e))
        {
            e = new Entry();
            _entries.Add(resource, e);
        }
        return e;
    }
}
