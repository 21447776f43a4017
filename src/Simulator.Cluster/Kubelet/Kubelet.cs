using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// One node's kubelet: admits pods bound to the node, pulls their images (one pull at a time,
/// as with serializeImagePulls), starts their containers, completes batch pods after their
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

    private const long StartTimer = 0;
    private const long CompleteTimer = 1;
    private const long TerminatedTimer = 2;
    private const long FailTimer = 3;
    private const long RestartTimer = 4;

    /// <summary>The exit code of a failed run (the usual code of an uncaught error).</summary>
    private const int ErrorExitCode = 1;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly KubeletSettings _settings;
    private readonly Dictionary<string, PodRuntime> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimTime> _pulling = new(StringComparer.Ordinal);
    private readonly ContainerFailures _failures;
    private PodIpAllocator? _ips;
    private SimTime _pullQueueFreeAt;

    private sealed class PodRuntime(Pod pod)
    {
        public Pod Pod { get; } = pod;
        public EventHandle Timer { get; set; }
        public bool Terminating { get; set; }
        public SimDuration PullTime { get; set; }
        public SimTime ContainersStarted { get; set; }

        /// <summary>True from the container's start until it exits; a deleted pod gets a grace period only then.</summary>
        public bool ContainerRunning { get; set; }

        public CrashLoopBackoff Backoff;
    }

    public Kubelet(ClusterStore store, Node node, KubeletSettings settings)
    {
        _store = store;
        _sim = store.Simulation;
        Node = node;
        _settings = settings;
        // One stream shared by every kubelet: draws happen in event order across the cluster.
        _failures = new ContainerFailures(_sim.Random.Get(ContainerFailures.StreamName));
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

    public void OnEvent(object? state, long arg)
    {
        var runtime = (PodRuntime)state!;
        switch (arg)
        {
            case StartTimer:
                Started(runtime);
                break;
            case CompleteTimer:
                Completed(runtime);
                break;
            case FailTimer:
                Failed(runtime);
                break;
            case RestartTimer:
                Restart(runtime);
                break;
            case TerminatedTimer:
                Forget(runtime);
                _store.RemovePod(runtime.Pod);
                break;
        }
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
        _pulling.Clear();
        _pullQueueFreeAt = _sim.Now;
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
        SetNotReady(pod, now);
        _store.UpdatePodStatus(pod);

        var imagesReady = PullImages(pod, now);
        runtime.PullTime = imagesReady - now;
        runtime.Timer = _sim.Schedule(imagesReady + _settings.ContainerStartTime, this, runtime, StartTimer);
    }

    /// <summary>When all the pod's images are on the node: now if present, else after queued pulls.</summary>
    private SimTime PullImages(Pod pod, SimTime now)
    {
        var ready = now;
        foreach (var c in pod.Spec.Containers)
        {
            if (c.Image.Length == 0 || Node.Status.Images.Contains(c.Image)) continue;
            if (_pulling.TryGetValue(c.Image, out var inFlight))
            {
                if (inFlight > now)
                {
                    ready = SimTime.Max(ready, inFlight);
                    continue;
                }
                // The pull finished earlier: the image is on disk now.
                _pulling.Remove(c.Image);
                Node.Status.Images.Add(c.Image);
                continue;
            }
            var start = _settings.SerializeImagePulls ? SimTime.Max(now, _pullQueueFreeAt) : now;
            var done = start + PullDuration(pod.Workload.ImageSizeBytes);
            _pullQueueFreeAt = done;
            _pulling[c.Image] = done;
            ready = SimTime.Max(ready, done);
        }
        return ready;
    }

    private SimDuration PullDuration(long bytes)
    {
        if (bytes <= 0 || _settings.ImagePullBytesPerSecond <= 0) return SimDuration.Zero;
        // Integer microseconds, rounded up: a pull never takes less than its bytes allow.
        long us = (long)Math.Ceiling((decimal)bytes * 1_000_000 / _settings.ImagePullBytesPerSecond);
        return new SimDuration(us);
    }

    private void Started(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        var now = _sim.Now;
        foreach (var c in pod.Spec.Containers)
        {
            if (c.Image.Length > 0) Node.Status.Images.Add(c.Image);
        }
        if (runtime.PullTime > SimDuration.Zero)
        {
            _store.RecordEvent(EventType.Normal, "Pulled", "Pod", pod.Key,
                $"Successfully pulled image \"{pod.Spec.Containers[0].Image}\" in {runtime.PullTime}", ComponentName);
        }
        runtime.ContainersStarted = now;
        runtime.ContainerRunning = true;
        pod.Status.Phase = PodPhase.Running;
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.True, now);
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.True, now);
        _store.UpdatePodStatus(pod);
        _store.RecordEvent(EventType.Normal, "Started", "Pod", pod.Key,
            $"Started container {pod.Spec.Containers[0].Name}", ComponentName);
        // Drawn on every start, restarts included: each run fails or not independently.
        if (_failures.TimeToFailure(pod.Workload) is { } failAfter)
            runtime.Timer = _sim.ScheduleAfter(failAfter, this, runtime, FailTimer);
        else if (pod.Workload.Duration is { } duration)
            runtime.Timer = _sim.ScheduleAfter(duration, this, runtime, CompleteTimer);
        else
            runtime.Timer = EventHandle.None;
    }

    /// <summary>The container exits 0 after its duration: the pod succeeds, unless restartPolicy Always restarts it.</summary>
    private void Completed(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        var now = _sim.Now;
        var completed = string.Create(CultureInfo.InvariantCulture,
            $"Container {pod.Spec.Containers[0].Name} completed after {now - runtime.ContainersStarted}");
        // Kubernetes restarts any exited container of an Always pod, whatever its exit code.
        if (pod.Spec.RestartPolicy == RestartPolicy.Always)
        {
            _store.RecordEvent(EventType.Normal, "Completed", "Pod", pod.Key, completed, ComponentName);
            BackOff(runtime);
            return;
        }
        Forget(runtime);
        pod.Status.Phase = PodPhase.Succeeded;
        pod.Status.Reason = "Completed";
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.False, now, "PodCompleted");
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, "PodCompleted");
        _store.UpdatePodStatus(pod);
        _store.RecordEvent(EventType.Normal, "Completed", "Pod", pod.Key, completed, ComponentName);
    }

    /// <summary>
    /// The container exits with an error before its work is done. The kubelet itself records no
    /// event for a container exit; ksim records Warning Failed so that the exit shows in the
    /// event log (next to the BackOff that follows it under OnFailure and Always).
    /// </summary>
    private void Failed(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        var now = _sim.Now;
        var exited = string.Create(CultureInfo.InvariantCulture,
            $"container {pod.Spec.Containers[0].Name} exited with code {ErrorExitCode}");
        if (pod.Spec.RestartPolicy != RestartPolicy.Never)
        {
            _store.RecordEvent(EventType.Warning, "Failed", "Pod", pod.Key, "Error: " + exited, ComponentName);
            BackOff(runtime);
            return;
        }
        Forget(runtime);
        // kubectl shows the terminated container's reason, Error; ksim keeps it as the pod's reason.
        pod.Status.Phase = PodPhase.Failed;
        pod.Status.Reason = "Error";
        pod.Status.Message = exited;
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.False, now, "PodFailed");
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, "PodFailed");
        _store.UpdatePodStatus(pod);
        _store.RecordEvent(EventType.Warning, "Failed", "Pod", pod.Key, "Error: " + exited, ComponentName);
    }

    /// <summary>
    /// The exited container waits out its CrashLoopBackOff delay. The pod stays Running but not
    /// Ready; with no per-container statuses in ksim, the waiting container's reason and message
    /// go on the pod, where kubectl's STATUS column would show them.
    /// </summary>
    private void BackOff(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        var now = _sim.Now;
        var container = pod.Spec.Containers[0].Name;
        var podName = $"{pod.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})";
        var delay = runtime.Backoff.Next(now - runtime.ContainersStarted);
        runtime.ContainerRunning = false;
        pod.Status.Reason = CrashLoopBackOffReason;
        pod.Status.Message = $"back-off {delay} restarting failed container={container} pod={podName}";
        SetNotReady(pod, now);
        _store.UpdatePodStatus(pod);
        _store.RecordEvent(EventType.Warning, "BackOff", "Pod", pod.Key,
            $"Back-off restarting failed container {container} in pod {podName}", ComponentName);
        runtime.Timer = _sim.ScheduleAfter(delay, this, runtime, RestartTimer);
    }

    /// <summary>The backoff is over: a new container is created (RestartCount + 1) and starts, its image already on the node.</summary>
    private void Restart(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        pod.Status.RestartCount++;
        pod.Status.Reason = "";
        pod.Status.Message = "";
        _store.UpdatePodStatus(pod);
        runtime.PullTime = SimDuration.Zero;
        runtime.Timer = _sim.ScheduleAfter(_settings.ContainerStartTime, this, runtime, StartTimer);
    }

    /// <summary>generate.go: while a container is not running, ContainersReady and Ready are False with ContainersNotReady.</summary>
    private static void SetNotReady(Pod pod, SimTime now)
    {
        var unready = "containers with unready status: [" + string.Join(" ", pod.Spec.Containers.Select(c => c.Name)) + "]";
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.False, now, "ContainersNotReady", unready);
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, "ContainersNotReady", unready);
    }

    /// <summary>
    /// A deleted pod whose container is running gets SIGTERM and is assumed to use its whole grace
    /// period (the worst case, and what preemption waits for); one not yet running, or waiting in
    /// CrashLoopBackOff, stops at once.
    /// </summary>
    private void BeginTermination(PodRuntime runtime)
    {
        runtime.Terminating = true;
        _sim.Cancel(runtime.Timer);
        var pod = runtime.Pod;
        var grace = runtime.ContainerRunning ? pod.Spec.TerminationGracePeriod : SimDuration.Zero;
        _store.RecordEvent(EventType.Normal, "Killing", "Pod", pod.Key,
            $"Stopping container {pod.Spec.Containers[0].Name}", ComponentName);
        runtime.Timer = _sim.ScheduleAfter(grace, this, runtime, TerminatedTimer);
    }

    private void Forget(PodRuntime runtime)
    {
        _sim.Cancel(runtime.Timer);
        _pods.Remove(runtime.Pod.Key);
        _ips?.Release(runtime.Pod.Status.PodIP);
    }
}
