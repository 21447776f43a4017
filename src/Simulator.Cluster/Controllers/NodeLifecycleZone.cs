using Simulator.Engine;

namespace Simulator.Cluster.Controllers;

/// <summary>The node lifecycle controller's view of a zone's health (kube's ZoneState).</summary>
public enum ZoneState
{
    /// <summary>The zone has no nodes, or has not been through a monitor pass yet.</summary>
    Initial,
    Normal,

    /// <summary>At least <c>unhealthy-zone-threshold</c> (55 %) of the zone's nodes, and more than two, are not Ready.</summary>
    PartialDisruption,

    /// <summary>No node of the zone is Ready.</summary>
    FullDisruption,
}

/// <summary>
/// One zone of the node lifecycle controller: its nodes, its state, and the rate-limited queue
/// of nodes waiting for a NoExecute taint (kube's zoneNoExecuteTainter, a RateLimitedTimedQueue
/// over a token bucket with burst 1).
/// <para>
/// As in kube's UniqueQueue, a node stays in the set after it has been taken off the queue and
/// tainted, so it is not queued again until it is removed (when it becomes Ready, or its taint
/// is lost).
/// </para>
/// </summary>
internal sealed class NodeLifecycleZone(string key, double qps)
{
    private readonly List<string> _queue = [];
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private SimTime _nextTokenAt = SimTime.Zero;

    /// <summary>kube's zone key: region and zone labels joined by ":\0:", empty without either.</summary>
    public string Key { get; } = key;

    public ZoneState State { get; set; } = ZoneState.Initial;

    /// <summary>Nodes counted for disruption (without <c>node.kubernetes.io/exclude-disruption</c>).</summary>
    public int Size { get; set; }

    /// <summary>Of those, how many were not Ready in the current pass.</summary>
    public int NotReady { get; set; }

    public double Qps { get; private set; } = qps;

    public EventHandle Timer { get; set; }

    public bool HasQueue => _queue.Count > 0;

    /// <summary>Takes the node at the head of the queue off it (it stays in the set).</summary>
    public string Dequeue()
    {
        var head = _queue[0];
        _queue.RemoveAt(0);
        return head;
    }

    /// <summary>When the next token is available (meaningful only while <see cref="Qps"/> is positive).</summary>
    public SimTime NextTokenAt => _nextTokenAt;

    public bool Contains(string node) => _set.Contains(node);

    /// <summary>Queues the node unless it is already in the set (UniqueQueue.Add).</summary>
    public bool Add(string node)
    {
        if (!_set.Add(node)) return false;
        _queue.Add(node);
        return true;
    }

    /// <summary>Forgets the node: off the queue and out of the set (UniqueQueue.Remove).</summary>
    public bool Remove(string node)
    {
        if (!_set.Remove(node)) return false;
        _queue.Remove(node);
        return true;
    }

    /// <summary>Takes a token if one is available (burst 1: one token, refilled 1/qps after it was taken).</summary>
    public bool TryAccept(SimTime now)
    {
        if (!HasToken(now)) return false;
        _nextTokenAt = now + Period(Qps);
        return true;
    }

    /// <summary>
    /// kube's SwapLimiter: a new bucket at the new rate, which starts full unless the old one was
    /// empty (then it is drained too, so a rate change never grants an extra taint).
    /// </summary>
    public void SwapLimiter(double qps, SimTime now)
    {
        if (qps == Qps) return;
        bool had = HasToken(now);
        Qps = qps;
        if (qps > 0) _nextTokenAt = had ? now : now + Period(qps);
    }

    /// <summary>kube's ComputeZoneState over the current pass's counts.</summary>
    public ZoneState ComputeState(ControllerSettings settings)
    {
        int ready = Size - NotReady;
        if (ready == 0 && NotReady > 0) return ZoneState.FullDisruption;
        if (NotReady > 2 && (double)NotReady / Size >= settings.UnhealthyZoneThreshold) return ZoneState.PartialDisruption;
        return ZoneState.Normal;
    }

    /// <summary>
    /// setLimiterInZone: healthy and fully disrupted zones taint at the normal rate; partially
    /// disrupted ones slow down, or stop when the zone is small (ReducedQPSFunc gets the zone's size).
    /// </summary>
    public double LimiterQps(ZoneState state, ControllerSettings settings) => state switch
    {
        ZoneState.PartialDisruption => Size > settings.LargeClusterSizeThreshold ? settings.SecondaryNodeEvictionRate : 0,
        _ => settings.NodeEvictionRate,
    };

    private bool HasToken(SimTime now) => Qps > 0 && now >= _nextTokenAt;

    private static SimDuration Period(double qps) => SimDuration.FromSeconds(1.0 / qps);
}
