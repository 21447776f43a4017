using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// One node's kubelet: admits pods bound to the node, pulls their images (one pull at a time,
/// as with serializeImagePulls; <see cref="ImagePuller"/>), starts their containers
/// (<see cref="ContainerLifecycle"/>), completes batch pods after their
/// <c>ksim.dev/duration</c>, and stops pods that are deleted (taking their termination grace
/// period) before removing them from the store. A failed node's kubelet does nothing at all
/// until the node recovers; then its pods' containers start again from scratch.
/// <para>
/// A container may also exit with an error before its work is done (<c>ksim.dev/failure-rate</c>,
/// <c>ksim.dev/failure-probability</c>). Under restartPolicy Never the pod fails; under OnFailure
/// or Always the container is restarted in place after its CrashLoopBackOff delay, and its work
/// starts again from zero. Under Always a container that exits 0 is restarted the same way.
/// </para>
/// </summary>
public sealed class Kubelet : IEventHandler
{
    public const string ComponentName = "kubelet";

    /// <summary>The waiting reason of a container between an exit and its restart.</summary>
    public const string CrashLoopBackOffReason = "CrashLoopBackOff";

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly Dictionary<string, PodRuntime> _pods = new(StringComparer.Ordinal);
    private readonly ImagePuller _images;
    private readonly ContainerLifecycle _containers;
    private PodIpAllocator? _ips;

    public Kubelet(ClusterStore store, Node node, KubeletSettings settings)
    {
        _store = store;
        _sim = store.Simulation;
        Node = node;
        _images = new ImagePuller(node, settings);
        // One stream shared by every kubelet: draws happen in event order across the cluster.
        var failures = new ContainerFailures(_sim.Random.Get(ContainerFailures.StreamName));
        _containers = new ContainerLifecycle(store, _images, settings, failures, Forget);
    }

    public Node Node { get; }

    /// <summary>False while the node is down (powered off, crashed, cut off).</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Pods this kubelet is running or starting.</summary>
    public int PodCount => _pods.Count;

    /// <summary>Reacts to the current state of a pod bound to this node (level-triggered, so repeated calls are harmless).</summary>
    public void Sync(Pod pod, bool deleted)
    {
        if (!IsUp) return;
        _pods.TryGetValue(pod.Key, out var runtime);
        if (deleted)
        {
            if (runtime is not null) Forget(runtime);
            return;
        }
        if (runtime is null)
        {
            if (pod.IsTerminal) return;
            if (pod.IsTerminating)
            {
                _store.RemovePod(pod);
                return;
            }
            Admit(pod);
            return;
        }
        if (pod.IsTerminating && !runtime.Terminating) BeginTermination(runtime);
    }

    /// <summary>
    /// Ends <paramref name="pod"/>'s running container with exit code 0 now (its work is done, as
    /// decided by the training model rather than a <c>ksim.dev/duration</c>). False if this
    /// kubelet is down or the container is not running.
    /// </summary>
    public bool CompleteContainers(Pod pod) =>
        IsUp && _pods.TryGetValue(pod.Key, out var runtime) && _containers.CompleteNow(runtime);

    /// <summary>A deleted pod's grace period is over: its containers are gone, and so is the pod.</summary>
    public void OnEvent(object? state, long arg)
    {
        var runtime = (PodRuntime)state!;
        Forget(runtime);
        _store.RemovePod(runtime.Pod);
    }

    /// <summary>
    /// The node goes down: its processes are gone, so no pod makes progress and nothing is
    /// reported. The API still shows the pods as they were; the node lifecycle controller notices
    /// the missing heartbeats (<see cref="NodeStatus.HeartbeatStoppedAt"/>).
    /// </summary>
    public void Fail()
    {
        if (!IsUp) return;
        Stop();
        Node.Status.HeartbeatStoppedAt = _sim.Now;
        _store.UpdateNode(Node);
    }

    /// <summary>The kubelet stops for good or for a while: nothing it had scheduled happens.</summary>
    public void Stop()
    {
        IsUp = false;
        foreach (var runtime in _pods.Values) _sim.Cancel(runtime.Timer);
        _images.Abort(_sim.Now);
    }

    /// <summary>
    /// The node is back: heartbeats resume, pods deleted meanwhile are removed at once (their
    /// containers died with the node), and every other pod bound here starts its containers
    /// again, counted as a restart. <paramref name="boundPods"/> are the store's pods on this node.
    /// </summary>
    public void Recover(IEnumerable<Pod> boundPods)
    {
        if (IsUp) return;
        IsUp = true;
        Node.Status.HeartbeatStoppedAt = null;
        // The kubelet's first status update after the outage says Ready again; it is news only
        // if the node lifecycle controller had noticed the silence.
        bool wasReady = Node.Status.IsReady();
        Node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.True, _sim.Now, "KubeletReady", "kubelet is posting ready status");
        _store.UpdateNode(Node);
        if (!wasReady)
            _store.RecordEvent(EventType.Normal, "NodeReady", "Node", Node.Name, $"Node {Node.Name} status is now: NodeReady", ComponentName);
        var known = _pods.Values.ToList();
        _pods.Clear();
        foreach (var runtime in known) _ips?.Release(runtime.Pod.Status.PodIP);
        foreach (var pod in boundPods)
        {
            if (pod.IsTerminal) continue;
            if (pod.IsTerminating)
            {
                _store.RemovePod(pod);
                continue;
            }
            if (pod.Status.Phase == PodPhase.Running) pod.Status.RestartCount++;
            pod.Status.Phase = PodPhase.Pending;
            if (pod.Status.Reason == CrashLoopBackOffReason)
            {
                pod.Status.Reason = "";
                pod.Status.Message = "";
            }
            Admit(pod);
        }
    }

    private void Admit(Pod pod)
    {
        var now = _sim.Now;
        if (KubeletAdmission.Reject(pod, Node, _pods.Values.Select(r => r.Pod)) is { } rejection)
        {
            pod.Status.Phase = PodPhase.Failed;
            pod.Status.Reason = rejection.Reason;
            pod.Status.Message = rejection.Message;
            _store.UpdatePodStatus(pod);
            _store.RecordEvent(EventType.Warning, rejection.Reason, "Pod", pod.Key, rejection.Message, ComponentName);
            return;
        }
        var runtime = new PodRuntime(pod);
        _pods.Add(pod.Key, runtime);
        _ips ??= new PodIpAllocator(Node.Spec.PodCidr.Length > 0 ? Node.Spec.PodCidr : "10.244.0.0/24");
        pod.Status.StartTime = now;
        pod.Status.PodIP = _ips.Allocate() ?? "";
        pod.Status.SetCondition(PodConditionType.Initialized, ConditionStatus.True, now);
        ContainerLifecycle.SetNotReady(pod, now);
        _store.UpdatePodStatus(pod);

        var imagesReady = _images.PullImages(pod, now);
        runtime.PullTime = imagesReady - now;
        _containers.StartAfterPull(runtime, imagesReady);
    }

    /// <summary>
    /// A deleted pod whose container is running gets SIGTERM and is assumed to use its whole grace
    /// period (the worst case, and what preemption waits for): its own, or the shorter one the delete
    /// request asked for (an autoscaler's eviction); one not yet running, or waiting in
    /// CrashLoopBackOff, stops at once.
    /// </summary>
    private void BeginTermination(PodRuntime runtime)
    {
        runtime.Terminating = true;
        _sim.Cancel(runtime.Timer);
        var pod = runtime.Pod;
        var grace = runtime.ContainerRunning ? pod.Metadata.DeletionGracePeriod ?? pod.Spec.TerminationGracePeriod : SimDuration.Zero;
        _store.RecordEvent(EventType.Normal, "Killing", "Pod", pod.Key,
            $"Stopping container {pod.Spec.Containers[0].Name}", ComponentName);
        runtime.Timer = _sim.ScheduleAfter(grace, this, runtime);
    }

    private void Forget(PodRuntime runtime)
    {
        _sim.Cancel(runtime.Timer);
        _pods.Remove(runtime.Pod.Key);
        _ips?.Release(runtime.Pod.Status.PodIP);
    }
}
