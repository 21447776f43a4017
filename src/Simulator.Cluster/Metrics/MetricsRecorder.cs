using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Listens to the whole run and keeps what the results need: one record per pod, the events,
/// a time series sampled every metrics interval, and time-weighted allocation per resource.
/// It only watches; it never writes to the store.
/// </summary>
public sealed class MetricsRecorder : IPodWatcher, INodeWatcher, IEventSink, IEventHandler
{
    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly SimDuration _interval;
    private readonly List<PodRecord> _records = [];
    private readonly Dictionary<string, PodRecord> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceList> _counted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceList> _readyNodes = new(StringComparer.Ordinal);
    private readonly List<ClusterEvent> _events = [];
    private readonly List<TimeSeriesRow> _rows = [];
    private readonly ResourceIntegrals _integrals = new();
    private readonly int[] _phaseCounts = new int[4];
    private EventHandle _sampleTimer;

    public MetricsRecorder(ClusterStore store, SimDuration interval)
    {
        _store = store;
        _sim = store.Simulation;
        _interval = interval > SimDuration.Zero ? interval : SimDuration.FromSeconds(10);
        store.Watch((IPodWatcher)this);
        store.Watch((INodeWatcher)this);
        store.AddEventSink(this);
    }

    public IReadOnlyList<PodRecord> Pods => _records;

    public IReadOnlyList<ClusterEvent> Events => _events;

    public IReadOnlyList<TimeSeriesRow> TimeSeries => _rows;

    /// <summary>Pods that exist now (created and not yet removed), by phase.</summary>
    public int CountInPhase(PodPhase phase) => _phaseCounts[(int)phase];

    /// <summary>Takes the first sample now and every interval after.</summary>
    public void Start()
    {
        Sample();
        _sampleTimer = _sim.ScheduleAfter(_interval, this, null, 0);
    }

    public void OnEvent(object? state, long arg)
    {
        Sample();
        _sampleTimer = _sim.ScheduleAfter(_interval, this, null, 0);
    }

    /// <summary>Stops the periodic sampling and takes a last sample at the end time, unless one was just taken.</summary>
    public void Finish()
    {
        _sim.Cancel(_sampleTimer);
        if (_rows.Count == 0 || _rows[^1].Time != _sim.Now) Sample();
        _integrals.Advance(_sim.Now);
    }

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        var now = _sim.Now;
        if (!_byUid.TryGetValue(pod.Metadata.Uid, out var record))
        {
            record = new PodRecord
            {
                Namespace = pod.Metadata.Namespace,
                Name = pod.Name,
                Uid = pod.Metadata.Uid,
                Created = pod.Metadata.CreationTimestamp,
                Priority = pod.Spec.Priority,
            };
            _records.Add(record);
            _byUid.Add(record.Uid, record);
            _phaseCounts[(int)record.Phase]++;
        }
        if (record.Deleted is not null) return;

        if (pod.IsBound && record.Scheduled is null)
        {
            record.Scheduled = now;
            record.Node = pod.Spec.NodeName;
            // FailedSchedulingAttempts and Message keep the history; the reason is about now.
            record.Reason = "";
        }
        if (pod.Status.PodIP.Length > 0) record.PodIP = pod.Status.PodIP;
        if (pod.Status.Phase != record.Phase)
        {
            _phaseCounts[(int)record.Phase]--;
            _phaseCounts[(int)pod.Status.Phase]++;
            record.Phase = pod.Status.Phase;
            if (record.Phase == PodPhase.Running) record.Started ??= now;
            if (pod.IsTerminal)
            {
                record.Finished = now;
                record.Reason = pod.Status.Reason;
                if (pod.Status.Message.Length > 0) record.Message = pod.Status.Message;
            }
        }
        record.Restarts = pod.Status.RestartCount;
        if (type == WatchEventType.Deleted)
        {
            record.Deleted = now;
            _phaseCounts[(int)record.Phase]--;
            if (!pod.IsTerminal) record.Reason = record.Scheduled is null ? "DeletedWhilePending" : "Deleted";
        }
        UpdateRequested(pod, holds: type != WatchEventType.Deleted && pod.IsBound && !pod.IsTerminal);
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        bool ready = type != WatchEventType.Deleted && node.Status.IsReady();
        _readyNodes.TryGetValue(node.Name, out var counted);
        var target = ready ? node.Status.Allocatable : null;
        if (ReferenceEquals(counted, target)) return;
        _integrals.Advance(_sim.Now);
        if (counted is not null)
            foreach (var (name, amount) in counted) _integrals.AddAllocatable(name, -amount);
        if (target is not null)
        {
            foreach (var (name, amount) in target) _integrals.AddAllocatable(name, amount);
            _readyNodes[node.Name] = target;
        }
        else
        {
            _readyNodes.Remove(node.Name);
        }
    }

    public void OnEvent(ClusterEvent clusterEvent)
    {
        _events.Add(clusterEvent);
        if (clusterEvent is { Reason: "FailedScheduling", ObjectKind: "Pod" } &&
            _store.GetPod(clusterEvent.ObjectName) is { } pod &&
            _byUid.TryGetValue(pod.Metadata.Uid, out var record))
        {
            record.FailedSchedulingAttempts++;
            record.Reason = "Unschedulable";
            record.Message = clusterEvent.Message;
        }
    }

    private void UpdateRequested(Pod pod, bool holds)
    {
        bool counted = _counted.ContainsKey(pod.Metadata.Uid);
        if (holds == counted) return;
        _integrals.Advance(_sim.Now);
        var requests = pod.Requests;
        if (holds)
        {
            foreach (var (name, amount) in requests) _integrals.AddRequested(name, amount);
            _integrals.AddRequested(ResourceNames.Pods, 1);
            _counted.Add(pod.Metadata.Uid, requests);
        }
        else
        {
            foreach (var (name, amount) in requests) _integrals.AddRequested(name, -amount);
            _integrals.AddRequested(ResourceNames.Pods, -1);
            _counted.Remove(pod.Metadata.Uid);
        }
    }

    private void Sample()
    {
        _integrals.Advance(_sim.Now);
        _rows.Add(new TimeSeriesRow(
            _sim.Now,
            _phaseCounts[(int)PodPhase.Pending],
            _phaseCounts[(int)PodPhase.Running],
            _phaseCounts[(int)PodPhase.Succeeded],
            _phaseCounts[(int)PodPhase.Failed],
            _readyNodes.Count,
            _integrals.RequestedNow(),
            _integrals.AllocatableNow()));
    }

    public RunSummary Summarize()
    {
        var latencies = new List<double>();
        int scheduled = 0, unschedulable = 0, everUnschedulable = 0, succeeded = 0, failed = 0;
        foreach (var r in _records)
        {
            if (r.Scheduled is { } s)
            {
                scheduled++;
                latencies.Add((s - r.Created).TotalSeconds);
            }
            else if (r.FailedSchedulingAttempts > 0 && r.Deleted is null)
            {
                unschedulable++;
            }
            if (r.FailedSchedulingAttempts > 0) everUnschedulable++;
            if (r.Phase == PodPhase.Succeeded) succeeded++;
            if (r.Phase == PodPhase.Failed) failed++;
        }
        latencies.Sort();
        return new RunSummary
        {
            SimulatedSeconds = _sim.Now.TotalSeconds,
            EventsProcessed = _sim.EventsProcessed,
            PodsCreated = _records.Count,
            PodsScheduled = scheduled,
            PodsUnschedulable = unschedulable,
            PodsEverUnschedulable = everUnschedulable,
            PodsSucceeded = succeeded,
            PodsFailed = failed,
            PodsRunningAtEnd = CountInPhase(PodPhase.Running),
            PodsPendingAtEnd = CountInPhase(PodPhase.Pending),
            SchedulingLatency = new LatencySummary(
                latencies.Count,
                Percentiles.NearestRank(latencies, 50),
                Percentiles.NearestRank(latencies, 95),
                latencies.Count == 0 ? 0 : latencies[^1]),
            AllocationRatio = _integrals.Ratios(),
        };
    }
}
