using System.Runtime.InteropServices;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Networking;

/// <summary>
/// kube-proxy's rules for one Service: the endpoint pods new connections may go to, rebuilt from
/// the Service's EndpointSlices only when they change, and the state each mode keeps (the random
/// stream, the round-robin cursor, the ClientIP affinity table). <see cref="Pick"/> allocates
/// nothing once a client's affinity entry exists.
/// </summary>
internal sealed class ServiceRoute
{
    private readonly List<Pod> _ready = [];
    private readonly List<Pod> _fallback = [];
    private readonly HashSet<Pod> _members = [];
    private readonly Dictionary<int, (Pod Pod, SimTime LastUsed)> _affinity = [];
    private Pod? _last;
    private int _cursor;

    public ServiceRoute(Service service, List<EndpointSlice> slices, Random random)
    {
        Service = service;
        Slices = slices;
        Random = random;
    }

    public Service Service { get; set; }

    /// <summary>The Service's slices, shared with the router's index (which may fill it first).</summary>
    public List<EndpointSlice> Slices { get; }

    /// <summary>The stream "loadbalancer/&lt;ns&gt;/&lt;svc&gt;".</summary>
    public Random Random { get; }

    /// <summary>Set when a slice changed; the next pick rebuilds the candidates first.</summary>
    public bool Dirty { get; set; } = true;

    /// <summary>The pods a new connection may go to: the ready endpoints, or failing that the serving terminating ones.</summary>
    public Pod[] Candidates { get; private set; } = [];

    /// <summary>
    /// kube-proxy's endpoint filtering: ready endpoints only; when none is ready, the serving and
    /// terminating ones (KEP-1669), so that a Service rolled over entirely still answers.
    /// Endpoints whose pod is already gone from the store are skipped.
    /// </summary>
    public void Rebuild(ClusterStore store)
    {
        _ready.Clear();
        _fallback.Clear();
        foreach (var slice in Slices)
        {
            foreach (var endpoint in slice.Endpoints)
            {
                var c = endpoint.Conditions;
                if (!c.Ready && !(c.Serving && c.Terminating)) continue;
                if (store.GetPod(endpoint.PodKey) is not { } pod) continue;
                (c.Ready ? _ready : _fallback).Add(pod);
            }
        }
        Candidates = _ready.Count > 0 ? [.. _ready] : [.. _fallback];
        _members.Clear();
        foreach (var pod in Candidates) _members.Add(pod);
        // IPVS rr continues after the last destination it chose, wherever it now sits in the list.
        if (_last is not null && Array.IndexOf(Candidates, _last) is var at and >= 0) _cursor = at + 1;
        Dirty = false;
    }

    /// <summary>Picks the endpoint for a new connection; <see cref="Candidates"/> must not be empty.</summary>
    public Pod Pick(int clientId, SimTime now, Dictionary<Pod, int> openConnections)
    {
        var spec = Service.Spec;
        // A headless Service has no virtual IP: the client resolves every pod IP and picks one itself.
        if (spec.IsHeadless) return Candidates[Random.NextIndex(Candidates.Length)];
        if (spec.SessionAffinity != ServiceAffinity.ClientIP) return Balance(openConnections);

        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_affinity, clientId, out bool known);
        // iptables' "recent" match: the client keeps its endpoint while that endpoint is still
        // in the rules and its last connection is within the timeout; each use refreshes it.
        if (!known || !_members.Contains(entry.Pod) || now - entry.LastUsed > spec.SessionAffinityTimeout)
            entry.Pod = Balance(openConnections);
        entry.LastUsed = now;
        return entry.Pod;
    }

    private Pod Balance(Dictionary<Pod, int> openConnections)
    {
        var candidates = Candidates;
        int n = candidates.Length;
        switch (Service.LoadBalancing)
        {
            case LoadBalancingMode.RoundRobin:
            {
                int at = _cursor % n;
                _cursor = at + 1;
                return _last = candidates[at];
            }
            case LoadBalancingMode.LeastConnections:
            {
                // IPVS lc takes the first least-loaded destination in its list. Its load counts
                // inactive (TIME_WAIT) connections too, which spreads short requests; ksim counts
                // only open ones, so the scan starts after the last pick: ties go round robin.
                int start = _cursor % n, best = start;
                int fewest = openConnections.GetValueOrDefault(candidates[start]);
                for (int k = 1; k < n && fewest > 0; k++)
                {
                    int i = (start + k) % n;
                    int open = openConnections.GetValueOrDefault(candidates[i]);
                    if (open < fewest)
                    {
                        fewest = open;
                        best = i;
                    }
                }
                _cursor = best + 1;
                return _last = candidates[best];
            }
            default:
                // iptables gives endpoint i of n the probability 1/(n-i) in turn, nftables picks
                // uniformly: both are a uniform choice per new connection.
                return candidates[Random.NextIndex(n)];
        }
    }
}
