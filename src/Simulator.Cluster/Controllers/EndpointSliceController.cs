using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// kube-controller-manager's EndpointSlice controller: for every Service with a selector, slices
/// of at most 100 endpoints listing the pods in its namespace that match the selector, have an IP
/// and have not finished, with Kubernetes' conditions (ready = Ready and not terminating,
/// serving = Ready, terminating = being deleted).
/// <para>
/// Readiness comes from the pod's Ready condition as the kubelet and the node lifecycle
/// controller write it; readiness probes are not simulated per period, so a pod leaves the ready
/// endpoints at the instant its Ready condition turns False (the NotReady mark ~50 s after its
/// node goes silent, a CrashLoopBackOff, termination), not after failureThreshold x period.
/// </para>
/// <para>
/// Syncs run through a <see cref="WorkQueue"/> at the instant of the change, never inside a
/// notification. Endpoints are ordered by pod name and packed 100 to a slice; Kubernetes'
/// reconciler packs to limit churn instead, which changes which slice holds an endpoint but not
/// which endpoints exist. A Service always keeps one slice, empty if need be (the placeholder).
/// A slice is written only when its endpoints change, with a new list (never edited in place).
/// </para>
/// </summary>
public sealed class EndpointSliceController : IObjectWatcher<Service>, IPodWatcher
{
    public const string ComponentName = "endpointslice-controller";
    public const string RandomStream = "endpointslice-names";

    private readonly ClusterStore _store;
    private readonly Random _names;
    private readonly WorkQueue _queue;
    private readonly Dictionary<string, Service> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Pod>> _podsByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EndpointSlice>> _slices = new(StringComparer.Ordinal);

    public EndpointSliceController(ClusterStore store)
    {
        _store = store;
        var sim = store.Simulation;
        _names = sim.Random.Get(RandomStream);
        _queue = new WorkQueue(sim, Sync);
        store.Services.Watch(this);
        store.Watch(this);
    }

    /// <summary>The slices this controller keeps for the Service <paramref name="serviceKey"/> ("ns/name").</summary>
    public IReadOnlyList<EndpointSlice> SlicesOf(string serviceKey) =>
        _slices.TryGetValue(serviceKey, out var list) ? list : [];

    public void OnObjectEvent(WatchEventType type, Service service)
    {
        var key = service.Metadata.Key;
        if (type == WatchEventType.Deleted) _services.Remove(key);
        else _services[key] = service;
        _queue.Add(key);
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        var ns = pod.Metadata.Namespace;
        if (!_podsByNamespace.TryGetValue(ns, out var pods))
            _podsByNamespace[ns] = pods = new Dictionary<string, Pod>(StringComparer.Ordinal);
        if (type == WatchEventType.Deleted) pods.Remove(pod.Key);
        else pods[pod.Key] = pod;
        foreach (var service in _services.Values)
        {
            if (service.Metadata.Namespace == ns && service.Spec.Selector.Count > 0 && Selects(service, pod))
                _queue.Add(service.Metadata.Key);
        }
    }

    private void Sync(string serviceKey)
    {
        _slices.TryGetValue(serviceKey, out var existing);
        if (!_services.TryGetValue(serviceKey, out var service) || service.Spec.Selector.Count == 0)
        {
            // A deleted Service's slices go with it (owner references); one without a selector
            // has its endpoints managed by someone else, which ksim does not model.
            if (existing is null) return;
            foreach (var slice in existing) _store.EndpointSlices.Delete(slice);
            _slices.Remove(serviceKey);
            return;
        }
        var desired = DesiredEndpoints(service);
        if (existing is null) _slices[serviceKey] = existing = [];
        int sliceCount = Math.Max(1, (desired.Count + EndpointSlice.MaxEndpoints - 1) / EndpointSlice.MaxEndpoints);
        for (int i = 0; i < sliceCount; i++)
        {
            int from = i * EndpointSlice.MaxEndpoints;
            var chunk = desired.GetRange(from, Math.Min(EndpointSlice.MaxEndpoints, desired.Count - from));
            if (i < existing.Count)
            {
                var slice = existing[i];
                if (SameEndpoints(slice.Endpoints, chunk)) continue;
                slice.Endpoints = chunk;
                _store.EndpointSlices.Update(slice);
            }
            else
            {
                var slice = NewSlice(service, chunk);
                existing.Add(slice);
                _store.EndpointSlices.Create(slice);
            }
        }
        while (existing.Count > sliceCount)
        {
            var surplus = existing[^1];
            existing.RemoveAt(existing.Count - 1);
            _store.EndpointSlices.Delete(surplus);
        }
    }

    private List<Endpoint> DesiredEndpoints(Service service)
    {
        var pods = new List<Pod>();
        if (_podsByNamespace.TryGetValue(service.Metadata.Namespace, out var inNamespace))
        {
            foreach (var pod in inNamespace.Values)
                if (pod.Status.PodIP.Length > 0 && !pod.IsTerminal && Selects(service, pod)) pods.Add(pod);
        }
        pods.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var endpoints = new List<Endpoint>(pods.Count);
        foreach (var pod in pods) endpoints.Add(ToEndpoint(pod));
        return endpoints;
    }

    /// <summary>
    /// endpointslice's podToEndpoint: serving follows the Ready condition even while the pod
    /// terminates; ready additionally requires that it is not terminating.
    /// </summary>
    internal static Endpoint ToEndpoint(Pod pod)
    {
        bool podReady = pod.Status.GetCondition(PodConditionType.Ready) is { Status: ConditionStatus.True };
        bool terminating = pod.IsTerminating;
        var conditions = new EndpointConditions(Ready: podReady && !terminating, Serving: podReady, Terminating: terminating);
        return new Endpoint(pod.Status.PodIP, conditions, pod.Key, pod.Spec.NodeName);
    }

    private EndpointSlice NewSlice(Service service, List<Endpoint> endpoints)
    {
        var ns = service.Metadata.Namespace;
        // generateName "<service>-", as the controller asks of the API server.
        var name = PodNames.Generate(_names, service.Name + "-",
            n => _store.EndpointSlices.Get(ns.Length == 0 ? n : ns + "/" + n) is not null);
        return new EndpointSlice
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = ns,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [EndpointSlice.ServiceNameLabel] = service.Name },
                OwnerReferences = [new OwnerReference(service.Kind, service.Name, service.Metadata.Uid)],
            },
            ServiceName = service.Name,
            Endpoints = endpoints,
        };
    }

    private static bool SameEndpoints(IReadOnlyList<Endpoint> current, List<Endpoint> desired)
    {
        if (current.Count != desired.Count) return false;
        for (int i = 0; i < desired.Count; i++)
            if (!current[i].Equals(desired[i])) return false;
        return true;
    }

    /// <summary>A Service's selector is matchLabels only: every key present with the same value.</summary>
    internal static bool Selects(Service service, Pod pod)
    {
        var labels = pod.Metadata.Labels;
        foreach (var (key, value) in service.Spec.Selector)
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        return true;
    }
}
