using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Node-time per NodePool: each pool node counts from the moment it is added to the store
/// (registration), or from the cluster autoscaler's request for it, until it is removed, whatever
/// its Ready state (a provider bills a machine that is booting or broken too). cost = Σ_pool pricePerHour × node-hours. Nodes outside any pool
/// (plain Node documents) are not priced: only pools carry a price.
/// </summary>
internal sealed class CostRecorder : INodeWatcher
{
    private const double MicrosecondsPerHour = 3_600_000_000.0;

    private readonly Simulation _sim;
    // Ordinal by pool name, so that totals add up in the same order on every run.
    private readonly SortedDictionary<string, PoolTime> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolTime> _liveByUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolTime> _provisioningByName = new(StringComparer.Ordinal);
    private SimTime _last;

    private sealed class PoolTime
    {
        public double PricePerHour;
        public int Nodes;
        public Int128 NodeMicroseconds;
    }

    public CostRecorder(ClusterStore store)
    {
        _sim = store.Simulation;
        store.Watch(this);
    }

    /// <summary>
    /// An instance the cluster autoscaler asked for: billed from now, before it registers (a
    /// provider bills a booting machine), until it registers as <paramref name="nodeName"/> (then
    /// it is billed as that node) or <see cref="StopBilling"/> gives it up.
    /// </summary>
    public void BillProvisioning(string pool, string nodeName)
    {
        Advance(_sim.Now);
        var time = Get(pool);
        time.Nodes++;
        _provisioningByName.Add(nodeName, time);
    }

    /// <summary>An instance given up before it registered: its billing stops now.</summary>
    public void StopBilling(string nodeName)
    {
        if (!_provisioningByName.Remove(nodeName, out var time)) return;
        Advance(_sim.Now);
        time.Nodes--;
    }

    /// <summary>Makes the pool's price known; a pool never priced costs 0.</summary>
    public void AddPool(NodePool pool) => Get(pool.Name).PricePerHour = pool.PricePerHour;

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (string.IsNullOrEmpty(node.Pool)) return;
        var uid = node.Metadata.Uid;
        if (type == WatchEventType.Deleted)
        {
            if (!_liveByUid.Remove(uid, out var gone)) return;
            Advance(_sim.Now);
            gone.Nodes--;
        }
        else if (!_liveByUid.ContainsKey(uid))
        {
            // Already billed since it was requested: it just changes from instance to node.
            if (_provisioningByName.Remove(node.Name, out var requested))
            {
                _liveByUid.Add(uid, requested);
                return;
            }
            Advance(_sim.Now);
            var pool = Get(node.Pool);
            pool.Nodes++;
            _liveByUid.Add(uid, pool);
        }
    }

    /// <summary>Cost of all pool nodes from the start to <paramref name="now"/>.</summary>
    public double CostUntil(SimTime now)
    {
        Advance(now);
        double total = 0;
        foreach (var pool in _pools.Values) total += pool.PricePerHour * Hours(pool.NodeMicroseconds);
        return total;
    }

    /// <summary>Every pool seen or priced, ordinal by name, with its node-hours and cost up to <paramref name="now"/>.</summary>
    public IReadOnlyList<PoolCost> ByPool(SimTime now)
    {
        Advance(now);
        var result = new List<PoolCost>(_pools.Count);
        foreach (var (name, pool) in _pools)
        {
            double hours = Hours(pool.NodeMicroseconds);
            result.Add(new PoolCost(name, hours, pool.PricePerHour * hours));
        }
        return result;
    }

    /// <summary>True when any pool has a price above 0.</summary>
    public bool AnyPriced()
    {
        foreach (var pool in _pools.Values)
            if (pool.PricePerHour > 0) return true;
        return false;
    }

    private static double Hours(Int128 microseconds) => (double)microseconds / MicrosecondsPerHour;

    private void Advance(SimTime now)
    {
        long dt = (now - _last).Microseconds;
        if (dt <= 0) return;
        foreach (var pool in _pools.Values) pool.NodeMicroseconds += (Int128)pool.Nodes * dt;
        _last = now;
    }

    private PoolTime Get(string name)
    {
        if (!_pools.TryGetValue(name, out var pool))
        {
            pool = new PoolTime();
            _pools.Add(name, pool);
        }
        return pool;
    }
}
