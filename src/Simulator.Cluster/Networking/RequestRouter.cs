using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Networking;

/// <summary>
/// Cluster DNS and kube-proxy in one: <see cref="Resolve"/> answers the names CoreDNS answers for
/// Services, <see cref="Route"/> applies kube-proxy's rules for a new connection.
/// <para>
/// It watches Services and EndpointSlices, as kube-proxy does, and keeps per Service the pods a
/// new connection may go to, rebuilt only when a slice changes. kube-proxy's own sync delay (up
/// to a second in a real cluster) is not modelled: a slice write takes effect at once.
/// </para>
/// <para>
/// Modes: Random (iptables/nftables, uniform per connection from the stream
/// "loadbalancer/&lt;ns&gt;/&lt;svc&gt;"), RoundRobin (IPVS rr, a cursor per Service that continues
/// after the last pick when membership changes) and LeastConnections (IPVS lc, counting the
/// connections reported through <see cref="ConnectionOpened"/>/<see cref="ConnectionClosed"/>,
/// ties taken round robin). A headless Service resolves to its pods' IPs and the client picks
/// one uniformly, whatever the mode, without session affinity (kube-proxy is not involved).
/// </para>
/// </summary>
public sealed class RequestRouter : IRequestRouter, IObjectWatcher<Service>, IObjectWatcher<EndpointSlice>
{
    private const string ClusterDomainSuffix = ".svc.cluster.local";
    private const string ServiceSuffix = ".svc";

    private readonly ClusterStore _store;
    private readonly Dictionary<Service, ServiceRoute> _routes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ServiceRoute> _routesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EndpointSlice>> _slicesByService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Service>> _dns = new(StringComparer.Ordinal);
    private readonly Dictionary<Pod, int> _openConnections = new(ReferenceEqualityComparer.Instance);

    public RequestRouter(ClusterStore store)
    {
        _store = store;
        store.Services.Watch(this);
        store.EndpointSlices.Watch(this);
    }

    /// <summary>Connections open to <paramref name="pod"/>, as reported by the traffic generator.</summary>
    public int OpenConnections(Pod pod) => _openConnections.GetValueOrDefault(pod);

    /// <summary>The pods a new connection to <paramref name="service"/> may go to now (ready, or the terminating fallback).</summary>
    public IReadOnlyList<Pod> Candidates(Service service)
    {
        if (Find(service) is not { } route) return [];
        if (route.Dirty) route.Rebuild(_store);
        return route.Candidates;
    }

    public Service? Resolve(string dnsName, string ns)
    {
        var name = dnsName.AsSpan().TrimEnd('.');
        bool qualified = false;
        if (name.EndsWith(ClusterDomainSuffix, StringComparison.Ordinal))
        {
            name = name[..^ClusterDomainSuffix.Length];
            qualified = true;
        }
        else if (name.EndsWith(ServiceSuffix, StringComparison.Ordinal))
        {
            name = name[..^ServiceSuffix.Length];
            qualified = true;
        }
        ReadOnlySpan<char> service, inNamespace;
        int dot = name.IndexOf('.');
        if (dot < 0)
        {
            // "<svc>.svc" is not a Service name: a bare name is relative to the client's namespace.
            if (qualified) return null;
            service = name;
            inNamespace = ns;
        }
        else
        {
            service = name[..dot];
            inNamespace = name[(dot + 1)..];
            if (inNamespace.Contains('.')) return null;
        }
        if (!_dns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(inNamespace, out var services)) return null;
        return services.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(service, out var found) ? found : null;
    }

    public Pod? Route(Service service, int clientId, out RequestFailure failure)
    {
        if (Find(service) is not { } route)
        {
            failure = RequestFailure.NoSuchService;
            return null;
        }
        if (route.Dirty) route.Rebuild(_store);
        if (route.Candidates.Length == 0)
        {
            failure = RequestFailure.NoEndpoints;
            return null;
        }
        failure = RequestFailure.None;
        return route.Pick(clientId, _store.Now, _openConnections);
    }

    public void ConnectionOpened(Pod pod) => CollectionsMarshal.GetValueRefOrAddDefault(_openConnections, pod, out _)++;

    public void ConnectionClosed(Pod pod)
    {
        ref int open = ref CollectionsMarshal.GetValueRefOrNullRef(_openConnections, pod);
        if (Unsafe.IsNullRef(ref open)) return;
        if (--open <= 0) _openConnections.Remove(pod);
    }

    public void OnObjectEvent(WatchEventType type, Service service)
    {
        var key = service.Metadata.Key;
        var ns = service.Metadata.Namespace;
        if (type == WatchEventType.Deleted)
        {
            if (_routesByKey.Remove(key, out var gone)) _routes.Remove(gone.Service);
            if (_dns.TryGetValue(ns, out var names)) names.Remove(service.Name);
            return;
        }
        if (!_dns.TryGetValue(ns, out var inNamespace))
            _dns[ns] = inNamespace = new Dictionary<string, Service>(StringComparer.Ordinal);
        inNamespace[service.Name] = service;
        if (_routesByKey.TryGetValue(key, out var route))
        {
            if (!ReferenceEquals(route.Service, service))
            {
                _routes.Remove(route.Service);
                route.Service = service;
                _routes[service] = route;
            }
            route.Dirty = true;
            return;
        }
        var random = _store.Simulation.Random.Get("loadbalancer/" + ns + "/" + service.Name);
        route = new ServiceRoute(service, SlicesOf(key), random);
        _routesByKey[key] = route;
        _routes[service] = route;
    }

    public void OnObjectEvent(WatchEventType type, EndpointSlice slice)
    {
        var ns = slice.Metadata.Namespace;
        var key = ns.Length == 0 ? slice.ServiceName : ns + "/" + slice.ServiceName;
        var slices = SlicesOf(key);
        // Slices stay in the order they were created, so the candidate order is the same on every rerun.
        if (type == WatchEventType.Deleted) slices.Remove(slice);
        else if (!slices.Contains(slice)) slices.Add(slice);
        if (_routesByKey.TryGetValue(key, out var route)) route.Dirty = true;
    }

    private List<EndpointSlice> SlicesOf(string serviceKey)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_slicesByService, serviceKey, out _);
        return list ??= [];
    }

    /// <summary>The route of the stored Service; a copy of it (same key) finds it too, at the cost of the key string.</summary>
    private ServiceRoute? Find(Service service) =>
        _routes.GetValueOrDefault(service) ?? _routesByKey.GetValueOrDefault(service.Metadata.Key);
}
