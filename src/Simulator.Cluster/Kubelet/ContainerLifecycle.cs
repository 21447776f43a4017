using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// One node's containers from start to exit: a container starts once its images are on the node,
/// runs until its work is done or it fails (<see cref="ContainerFailures"/>), and under
/// restartPolicy OnFailure or Always waits out its CrashLoopBackOff delay and starts again.
/// A pod that reaches Succeeded or Failed is handed back through <c>finished</c>,
/// which the kubelet uses to forget it.
/// </summary>
internal sealed class ContainerLifecycle(
    ClusterStore store, ImagePuller images, KubeletSettings settings, ContainerFailures failures, Action<PodRuntime> finished)
    : IEventHandler
{
    private const long StartTimer = 0;
    private const long CompleteTimer = 1;
    private const long FailTimer = 2;
    private const long RestartTimer = 3;

    /// <summary>The exit code of a failed run (the usual code of an uncaught error).</summary>
    private const int ErrorExitCode = 1;

    private readonly Simulation _sim = store.Simulation;

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
        }
    }

    /// <summary>The pod's containers start <see cref="KubeletSettings.ContainerStartTime"/> after its images are ready.</summary>
    public void StartAfterPull(PodRuntime runtime, SimTime imagesReady) =>
        runtime.Timer = _sim.Schedule(imagesReady + settings.ContainerStartTime, this, runtime, StartTimer);

    /// <summary>generate.go: while a container is not running, ContainersReady and Ready are False with ContainersNotReady.</summary>
    public static void SetNotReady(Pod pod, SimTime now)
    {
        var unready = "containers with unready status: [" + string.Join(" ", pod.Spec.Containers.Select(c => c.Name)) + "]";
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.False, now, "ContainersNotReady", unready);
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, "ContainersNotReady", unready);
    }

    private void Started(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        var now = _sim.Now;
        images.MarkPresent(pod);
        if (runtime.PullTime > SimDuration.Zero)
        {
            store.RecordEvent(EventType.Normal, "Pulled", "Pod", pod.Key,
                $"Successfully pulled image \"{pod.Spec.Containers[0].Image}\" in {runtime.PullTime}", Kubelet.ComponentName);
        }
        runtime.ContainersStarted = now;
        runtime.ContainerRunning = true;
        pod.Status.Phase = PodPhase.Running;
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.True, now);
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.True, now);
        store.UpdatePodStatus(pod);
        store.RecordEvent(EventType.Normal, "Started", "Pod", pod.Key,
            $"Started container {pod.Spec.Containers[0].Name}", Kubelet.ComponentName);
        // Drawn on every start, restarts included: each run fails or not independently.
        if (failures.TimeToFailure(pod.Workload) is { } failAfter)
            runtime.Timer = _sim.ScheduleAfter(failAfter, this, runtime, FailTimer);
        else if (pod.Workload.Duration is { } duration)
            runtime.Timer = _sim.ScheduleAfter(duration, this, runtime, CompleteTimer);
        else
            runtime.Timer = EventHandle.None;
    }

    /// <summary>
    /// The running container's work is done now, whatever its timer said (a training job reached
    /// its steps): it exits 0 as after its duration. False if it is not running.
    /// </summary>
    public bool CompleteNow(PodRuntime runtime)
    {
        if (!runtime.ContainerRunning || runtime.Terminating) return false;
        _sim.Cancel(runtime.Timer);
        runtime.Timer = EventHandle.None;
        Completed(runtime);
        return true;
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
            store.RecordEvent(EventType.Normal, "Completed", "Pod", pod.Key, completed, Kubelet.ComponentName);
            BackOff(runtime);
            return;
        }
        finished(runtime);
        pod.Status.Phase = PodPhase.Succeeded;
        pod.Status.Reason = "Completed";
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.False, now, "PodCompleted");
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, "PodCompleted");
        store.UpdatePodStatus(pod);
        store.RecordEvent(EventType.Normal, "Completed", "Pod", pod.Key, completed, Kubelet.ComponentName);
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
            store.RecordEvent(EventType.Warning, "Failed", "Pod", pod.Key, "Error: " + exited, Kubelet.ComponentName);
            BackOff(runtime);
            return;
        }
        finished(runtime);
        // kubectl shows the terminated container's reason, Error; ksim keeps it as the pod's reason.
        pod.Status.Phase = PodPhase.Failed;
        pod.Status.Reason = "Error";
        pod.Status.Message = exited;
        pod.Status.SetCondition(PodConditionType.ContainersReady, ConditionStatus.False, now, "PodFailed");
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, now, "PodFailed");
        store.UpdatePodStatus(pod);
        store.RecordEvent(EventType.Warning, "Failed", "Pod", pod.Key, "Error: " + exited, Kubelet.ComponentName);
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
        pod.Status.Reason = Kubelet.CrashLoopBackOffReason;
        pod.Status.Message = $"back-off {delay} restarting failed container={container} pod={podName}";
        SetNotReady(pod, now);
        store.UpdatePodStatus(pod);
        store.RecordEvent(EventType.Warning, "BackOff", "Pod", pod.Key,
            $"Back-off restarting failed container {container} in pod {podName}", Kubelet.ComponentName);
        runtime.Timer = _sim.ScheduleAfter(delay, this, runtime, RestartTimer);
    }

    /// <summary>The backoff is over: a new container is created (RestartCount + 1) and starts, its image already on the node.</summary>
    private void Restart(PodRuntime runtime)
    {
        var pod = runtime.Pod;
        pod.Status.RestartCount++;
        pod.Status.Reason = "";
        pod.Status.Message = "";
        store.UpdatePodStatus(pod);
        runtime.PullTime = SimDuration.Zero;
        runtime.Timer = _sim.ScheduleAfter(settings.ContainerStartTime, this, runtime, StartTimer);
    }
}
