using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Scheduling.Fragmentation;
using Simulator.Cluster.Store;
using Simulator.Cluster.Workloads.Traces;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads;

/// <summary>
/// Plays a TraceReplay. Replay mode creates each pod at its trace creation time and deletes it at
/// its deletion time. Fill mode starts at time 0, once the scenario's nodes are registered: it
/// builds the <see cref="FillPlan"/> against the GPUs of the nodes present then, with the
/// stream <c>trace-replay/&lt;name&gt;</c>, and submits one pod at a time. The next pod comes
/// only when the scheduler has placed the current one or reported it unschedulable; an
/// unschedulable pod is deleted at once, so each pod is tried exactly once and none is retried.
/// Nothing departs in fill mode.
/// </summary>
public sealed class TraceReplayer(ClusterStore store, SchedulerCache nodes, TargetWorkload? target) : IEventHandler, IPodWatcher
{
    public const string ComponentName = "trace-replay";

    private const long CreateAction = 0;
    private const long DeleteAction = 1;
    private const long StartFillAction = 2;
    private const long NextFillAction = 3;

    private TraceReplay? _replay;
    private FillPlan? _plan;
    private int _next;
    private Pod? _current;
    private long _currentMilli;
    private bool _currentFailed;
    private int _submitted;

    /// <summary>Fill mode's arrivals and allocation; null before the fill starts and in replay mode.</summary>
    public TraceAllocationRecorder? Allocation { get; private set; }

    /// <summary>Starts <paramref name="replay"/>; a cluster plays one.</summary>
    public void Add(TraceReplay replay)
    {
        if (_replay is not null) throw new InvalidOperationException("a cluster plays one TraceReplay");
        _replay = replay;
        var sim = store.Simulation;
        if (replay.Mode == ReplayMode.Fill)
        {
            store.Watch(this);
            sim.Schedule(sim.Now, this, null, StartFillAction);
            return;
        }
        foreach (var pod in replay.Pods)
            sim.Schedule(SimTime.Max(sim.Now, SimTime.Zero + SimDuration.FromSeconds(pod.CreationSeconds)), this, pod, CreateAction);
    }

    public void OnEvent(object? state, long arg)
    {
        switch (arg)
        {
            case CreateAction:
                Create((TracePod)state!);
                break;
            case DeleteAction:
                if (store.GetPod(((Pod)state!).Key) is { } pod && pod == state) store.DeletePod(pod);
                break;
            case StartFillAction:
                StartFill();
                break;
            case NextFillAction:
                if (_currentFailed && store.GetPod(_current!.Key) == _current) store.DeletePod(_current);
                SubmitNext();
                break;
        }
    }

    private void Create(TracePod tracePod)
    {
        var pod = tracePod.ToPod(tracePod.Name);
        if (store.GetPod(pod.Key) is not null)
        {
            store.RecordEvent(EventType.Warning, "FailedCreate", "TraceReplay", _replay!.Name,
                $"Error creating: pods \"{pod.Name}\" already exists", ComponentName);
            return;
        }
        store.CreatePod(pod);
        _submitted++;
        if (tracePod.DeletionSeconds > tracePod.CreationSeconds)
            store.Simulation.Schedule(SimTime.Zero + SimDuration.FromSeconds(tracePod.DeletionSeconds), this, pod, DeleteAction);
    }

    private void StartFill()
    {
        long totalMilli = 0;
        foreach (var node in store.Nodes) totalMilli += node.Status.Allocatable.Get(ResourceNames.NvidiaGpu) * Accelerators.GpuDemand.MilliPerGpu;
        var replay = _replay!;
        _plan = FillPlan.Build(replay.Pods, totalMilli, replay.FillToPercent, store.Simulation.Random.Get(replay.StreamName));
        Allocation = new TraceAllocationRecorder(totalMilli, nodes, target);
        SubmitNext();
    }

    private void SubmitNext()
    {
        var plan = _plan!;
        _current = null;
        while (_next < plan.Order.Count)
        {
            int position = _next++;
            var tracePod = _replay!.Pods[plan.Order[position]];
            // Copies are named after their original and their place among the copies.
            string name = position < plan.ShuffledCount ? tracePod.Name : $"{tracePod.Name}-copy-{position - plan.ShuffledCount}";
            var pod = tracePod.ToPod(name);
            if (store.GetPod(pod.Key) is not null)
            {
                store.RecordEvent(EventType.Warning, "FailedCreate", "TraceReplay", _replay.Name,
                    $"Error creating: pods \"{pod.Name}\" already exists", ComponentName);
                continue;
            }
            _current = pod;
            _currentMilli = tracePod.TotalGpuMilli;
            _currentFailed = false;
            _submitted++;
            store.CreatePod(pod);
            return;
        }
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (pod != _current || type != WatchEventType.Modified || _currentFailed) return;
        if (pod.IsBound)
        {
            Allocation!.Placed(_currentMilli);
            _current = null;
        }
        else if (pod.Status.GetCondition(PodConditionType.PodScheduled) is { Status: ConditionStatus.False } unschedulable)
        {
            Allocation!.Failed(_currentMilli, unschedulable.Message);
            _currentFailed = true;
        }
        else return;
        // The next pod comes in its own event: this one is mid-write in the scheduler.
        store.Simulation.ScheduleAfter(SimDuration.Zero, this, null, NextFillAction);
    }

    /// <summary>Null when the cluster plays no trace.</summary>
    public TraceReplaySummary? Summarize()
    {
        if (_replay is not { } replay) return null;
        string mode = replay.Mode == ReplayMode.Fill ? "fill" : "replay";
        if (Allocation is { } allocation) return allocation.Summarize(replay.Name, mode, _submitted);
        return new TraceReplaySummary(replay.Name, mode, 0, _submitted, 0, [], []);
    }
}
