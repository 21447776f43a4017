using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>What a monitor pass did to master disruption mode.</summary>
internal enum DisruptionChange
{
    None,
    EnteredMasterDisruption,
    LeftMasterDisruption,
}

/// <summary>
/// The node lifecycle controller's zones, in the order they appeared, and kube's handleDisruption
/// over them: each zone's state from its Ready counts, the taint rate that goes with it, and
/// master disruption mode when every zone is fully disrupted.
/// </summary>
internal sealed class NodeLifecycleZones(ControllerSettings settings)
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    private const string BetaRegionLabel = "failure-domain.beta.kubernetes.io/region";
    private const string BetaZoneLabel = "failure-domain.beta.kubernetes.io/zone";

    private readonly Dictionary<string, NodeLifecycleZone> _byKey = new(StringComparer.Ordinal);
    private readonly List<NodeLifecycleZone> _zones = [];

    /// <summary>Zones are never dropped (kube keeps their queues); one without nodes has no state.</summary>
    public IReadOnlyList<NodeLifecycleZone> All => _zones;

    public static string ZoneKey(Node node)
    {
        var labels = node.Metadata.Labels;
        var region = labels.GetValueOrDefault(RegionLabel) ?? labels.GetValueOrDefault(BetaRegionLabel) ?? "";
        var zone = labels.GetValueOrDefault(ZoneLabel) ?? labels.GetValueOrDefault(BetaZoneLabel) ?? "";
        return region.Length == 0 && zone.Length == 0 ? "" : region + ":\0:" + zone;
    }

    public NodeLifecycleZone GetOrAdd(string key)
    {
        if (!_byKey.TryGetValue(key, out var zone))
        {
            // A new zone's bucket starts full at the normal rate (addPodEvictorForNewZone).
            zone = new NodeLifecycleZone(key, settings.NodeEvictionRate);
            _byKey.Add(key, zone);
            _zones.Add(zone);
        }
        return zone;
    }

    public ZoneState StateOf(string key) => _byKey.TryGetValue(key, out var z) ? z.State : ZoneState.Initial;

    /// <summary>
    /// handleDisruption, given each zone's Size and NotReady for this pass. Limiter changes go
    /// through <paramref name="setLimiter"/>; entering master disruption mode sets every zone's rate
    /// to 0, and the caller lifts the NoExecute taints.
    /// </summary>
    public DisruptionChange HandleDisruption(Action<NodeLifecycleZone, double> setLimiter)
    {
        bool allAreFull = true;
        foreach (var zone in _zones)
            if (zone.Size > 0 && zone.ComputeState(settings) != ZoneState.FullDisruption) allAreFull = false;
        // Zones without nodes drop out (kube deletes their state) and start again from Initial.
        bool allWereFull = true;
        foreach (var zone in _zones)
        {
            if (zone.Size == 0) zone.State = ZoneState.Initial;
            else if (zone.State != ZoneState.FullDisruption) allWereFull = false;
        }
        if (allAreFull && allWereFull) return DisruptionChange.None;

        if (allAreFull)
        {
            foreach (var zone in _zones)
            {
                if (zone.Size == 0) continue;
                setLimiter(zone, 0);
                zone.State = ZoneState.FullDisruption;
            }
            return DisruptionChange.EnteredMasterDisruption;
        }
        // Leaving master disruption mode resets every zone; otherwise only zones whose state changed.
        foreach (var zone in _zones)
        {
            if (zone.Size == 0) continue;
            var state = zone.ComputeState(settings);
            if (zone.State == state && !allWereFull) continue;
            setLimiter(zone, zone.LimiterQps(state, settings));
            zone.State = state;
        }
        return allWereFull ? DisruptionChange.LeftMasterDisruption : DisruptionChange.None;
    }
}
