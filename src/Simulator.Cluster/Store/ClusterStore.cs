using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Store;

/// <summary>
/// The simulated API server: it holds every object and tells watchers about each change.
/// Components act only by writing here; they never call each other.
/// <para>
/// Notifications are delivered synchronously within the writing event but never re-entrantly:
/// a write made by a watcher while a notification is being delivered is queued and delivered
/// after it, so every watcher sees every change in the same order, as with a real watch.
/// </para>
/// </summary>
public sealed class ClusterStore
{
    private readonly Simulation _sim;
    private readonly List<Node> _nodes = [];
    private readonly Dictionary<string, Node> _nodesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pod> _pods = new(StringComparer.Ordinal);
    private readonly List<IPodWatcher> _podWatchers = [];
    private readonly List<INodeWatcher> _nodeWatchers = [];
    private readonly List<IEventSink> _eventSinks = [];
    private readonly Queue<Notification> _pending = new();
    private readonly Random _uids;
    private bool _delivering;
    private long _resourceVersion;

    private readonly record struct Notification(WatchEventType Type, object Object, INotificationTarget? Target);

    public ClusterStore(Simulation sim)
    {
        _sim = sim;
        _uids = sim.Random.Get("uids");
        Deployments = new ObjectCollection<Deployment>(this, "deployments.apps");
        ReplicaSets = new ObjectCollection<ReplicaSet>(this, "replicasets.apps");
        Jobs = new ObjectCollection<Job>(this, "jobs.batch");
        Services = new ObjectCollection<Service>(this, "services");
        EndpointSlices = new ObjectCollection<EndpointSlice>(this, "endpointslices.discovery.k8s.io");
        HorizontalPodAutoscalers = new ObjectCollection<HorizontalPodAutoscaler>(this, "horizontalpodautoscalers.autoscaling");
        PodGroups = new ObjectCollection<PodGroup>(this, "podgroups.scheduling.x-k8s.io");
        PyTorchJobs = new ObjectCollection<PyTorchJob>(this, "pytorchjobs.kubeflow.org");
        PodDisruptionBudgets = new ObjectCollection<PodDisruptionBudget>(this, "poddisruptionbudgets.policy");
    }

    public ObjectCollection<Service> Services { get; }

    public ObjectCollection<EndpointSlice> EndpointSlices { get; }

    public ObjectCollection<HorizontalPodAutoscaler> HorizontalPodAutoscalers { get; }

    public ObjectCollection<Deployment> Deployments { get; }

    public ObjectCollection<ReplicaSet> ReplicaSets { get; }

    public ObjectCollection<Job> Jobs { get; }

    /// <summary>scheduler-plugins PodGroups (gangs for the Coscheduling plugin).</summary>
    public ObjectCollection<PodGroup> PodGroups { get; }

    /// <summary>Kubeflow PyTorchJobs.</summary>
    public ObjectCollection<PyTorchJob> PyTorchJobs { get; }

    /// <summary>policy/v1 PodDisruptionBudgets, read by preemption (and evictions) through Disruption.DisruptionBudgets.</summary>
    public ObjectCollection<PodDisruptionBudget> PodDisruptionBudgets { get; }

    /// <summary>
    /// Admission plugins that mutate a pod before it is stored (DefaultTolerationSeconds...),
    /// in order. They run inside <see cref="CreatePod"/>.
    /// </summary>
    public List<Action<Pod>> PodAdmission { get; } = [];

    public Simulation Simulation => _sim;

    public SimTime Now => _sim.Now;

    /// <summary>Nodes in the order they were added (the order kube-scheduler's node tree lists them).</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    public IReadOnlyCollection<Pod> Pods => _pods.Values;

    public int PodCount => _pods.Count;

    public Node? GetNode(string name) => _nodesByName.GetValueOrDefault(name);

    public Pod? GetPod(string key) => _pods.GetValueOrDefault(key);

    public void Watch(IPodWatcher watcher) => _podWatchers.Add(watcher);

    public void Watch(INodeWatcher watcher) => _nodeWatchers.Add(watcher);

    public void AddEventSink(IEventSink sink) => _eventSinks.Add(sink);

    // ---- nodes ----

    public void AddNode(Node node)
    {
        if (_nodesByName.ContainsKey(node.Name))
            throw new StoreException("AlreadyExists", $"nodes \"{node.Name}\" already exists");
        Stamp(node.Metadata);
        _nodes.Add(node);
        _nodesByName.Add(node.Name, node);
        Enqueue(WatchEventType.Added, node, null);
    }

    public void UpdateNode(Node node)
    {
        RequireNode(node.Name);
        node.Metadata.ResourceVersion = ++_resourceVersion;
        Enqueue(WatchEventType.Modified, node, null);
    }

    public void DeleteNode(string name)
    {
        var node = RequireNode(name);
        _nodes.Remove(node);
        _nodesByName.Remove(name);
        node.Metadata.DeletionTimestamp = Now;
        Enqueue(WatchEventType.Deleted, node, null);
    }

    // ---- pods ----

    public void CreatePod(Pod pod)
    {
        if (_pods.ContainsKey(pod.Key))
            throw new StoreException("AlreadyExists", $"pods \"{pod.Name}\" already exists");
        foreach (var admit in PodAdmission) admit(pod);
        Stamp(pod.Metadata);
        _pods.Add(pod.Key, pod);
        Enqueue(WatchEventType.Added, pod, null);
    }

    /// <summary>The Binding subresource: assigns the pod to a node and sets PodScheduled=True.</summary>
    public void BindPod(Pod pod, string nodeName)
    {
        RequirePod(pod.Key);
        if (pod.IsBound)
            throw new StoreException("Conflict", $"pod {pod.Key} is already assigned to node \"{pod.Spec.NodeName}\"");
        RequireNode(nodeName);
        pod.Spec.NodeName = nodeName;
        pod.Status.NominatedNodeName = "";
        pod.Status.SetCondition(PodConditionType.PodScheduled, ConditionStatus.True, Now);
        pod.Metadata.ResourceVersion = ++_resourceVersion;
        Enqueue(WatchEventType.Modified, pod, null);
    }

    /// <summary>A status write (phase, conditions, IP...), made by the kubelet or the scheduler.</summary>
    public void UpdatePodStatus(Pod pod)
    {
        RequirePod(pod.Key);
        pod.Metadata.ResourceVersion = ++_resourceVersion;
        Enqueue(WatchEventType.Modified, pod, null);
    }

    /// <summary>
    /// A delete request. A pod that is not on a node, or has already finished, goes at once;
    /// a pod on a node gets a deletion timestamp and is removed by its kubelet once its
    /// containers have stopped (<see cref="RemovePod"/>).
    /// </summary>
    /// <param name="gracePeriod">DeleteOptions.GracePeriodSeconds: when given and shorter than the pod's own terminationGracePeriodSeconds, the kubelet gives the pod only this long.</param>
    public void DeletePod(Pod pod, SimDuration? gracePeriod = null)
    {
        RequirePod(pod.Key);
        if (!pod.IsBound || pod.IsTerminal)
        {
            RemovePod(pod);
            return;
        }
        if (pod.IsTerminating) return;
        if (gracePeriod is { } grace && grace < pod.Spec.TerminationGracePeriod) pod.Metadata.DeletionGracePeriod = grace;
        pod.Metadata.DeletionTimestamp = Now;
        pod.Metadata.ResourceVersion = ++_resourceVersion;
        Enqueue(WatchEventType.Modified, pod, null);
    }

    /// <summary>Removes the pod object for good (the kubelet's final delete with grace period 0).</summary>
    public void RemovePod(Pod pod)
    {
        if (!_pods.Remove(pod.Key)) return;
        pod.Metadata.DeletionTimestamp ??= Now;
        pod.Metadata.ResourceVersion = ++_resourceVersion;
        Enqueue(WatchEventType.Deleted, pod, null);
    }

    // ---- events ----

    public void RecordEvent(EventType type, string reason, string kind, string name, string message, string source)
    {
        // kube-apiserver: an Event's message is limited to 1024 characters.
        if (message.Length > 1024) message = message[..1024];
        var e = new ClusterEvent(Now, type, reason, kind, name, message, source);
        foreach (var sink in _eventSinks) sink.OnEvent(e);
    }

    // ---- internals ----

    internal void Touch(ObjectMeta meta) => meta.ResourceVersion = ++_resourceVersion;

    internal void Stamp(ObjectMeta meta)
    {
        meta.Uid = NewUid();
        meta.CreationTimestamp = Now;
        meta.ResourceVersion = ++_resourceVersion;
    }

    /// <summary>A version-4 UUID drawn from the "uids" stream: realistic, and the same on every rerun.</summary>
    private string NewUid()
    {
        Span<byte> b = stackalloc byte[16];
        _uids.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Convert.ToHexStringLower(b[..4])}-{Convert.ToHexStringLower(b[4..6])}-{Convert.ToHexStringLower(b[6..8])}-{Convert.ToHexStringLower(b[8..10])}-{Convert.ToHexStringLower(b[10..])}");
    }

    private Node RequireNode(string name) =>
        _nodesByName.GetValueOrDefault(name) ?? throw new StoreException("NotFound", $"nodes \"{name}\" not found");

    private Pod RequirePod(string key) =>
        _pods.GetValueOrDefault(key) ?? throw new StoreException("NotFound", $"pods \"{key}\" not found");

    internal void Enqueue(WatchEventType type, object obj, INotificationTarget? target)
    {
        _pending.Enqueue(new Notification(type, obj, target));
        if (_delivering) return;
        _delivering = true;
        try
        {
            while (_pending.TryDequeue(out var next))
            {
                switch (next.Object)
                {
                    case Pod pod:
                        foreach (var w in _podWatchers) w.OnPodEvent(next.Type, pod);
                        break;
                    case Node node:
                        foreach (var w in _nodeWatchers) w.OnNodeEvent(next.Type, node);
                        break;
                    default:
                        next.Target!.Deliver(next.Type, next.Object);
                        break;
                }
            }
        }
        finally
        {
            _delivering = false;
        }
    }
}
