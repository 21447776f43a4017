using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Metrics;

/// <summary>
/// Listens to the whole run and keeps what the results need: one record per pod and per Job,
/// node and workload outage intervals, the events, a time series sampled every metrics interval,
/// and time-weighted allocation per resource. Each concern has its own recorder; this one samples
/// them and sums them up. It only watches; it never writes to the store.
/// </summary>
public sealed class MetricsRecorder : IEventSink, IEventHandler
{
    private readonly Simulation _sim;
    private readonly SimDuration _interval;
    private readonly PodRecorder _pods;
    private readonly AllocationRecorder _allocation;
    private readonly NodeRecorder _nodes;
    private readonly JobRecorder _jobs;
    private readonly RecoveryRecorder _recoveries;
    private readonly HpaRecorder _hpas;
    private readonly CostRecorder _cost;
    private readonly List<ClusterEvent> _events = [];
    private readonly List<IIntervalSampler> _samplers = [];
    private readonly List<TimeSeriesRow> _rows = [];
    private EventHandle _sampleTimer;

    public MetricsRecorder(ClusterStore store, SimDuration interval)
    {
        _sim = store.Simulation;
        _interval = interval > SimDuration.Zero ? interval : SimDuration.FromSeconds(10);
        // Registered before any other component, so every recorder sees each change before anyone reacts to it.
        _pods = new PodRecorder(store);
        _allocation = new AllocationRecorder(store);
        _nodes = new NodeRecorder(store);
        _jobs = new JobRecorder(store);
        _recoveries = new RecoveryRecorder(store);
        _hpas = new HpaRecorder(store);
        _cost = new CostRecorder(store);
        store.AddEventSink(this);
    }

    /// <summary>In creation order.</summary>
    public IReadOnlyList<PodRecord> Pods => _pods.Records;

    /// <summary>In creation order.</summary>
    public IReadOnlyList<JobRecord> Jobs => _jobs.Records;

    public IReadOnlyList<ClusterEvent> Events => _events;

    public IReadOnlyList<TimeSeriesRow> TimeSeries => _rows;

    /// <summary>Each HPA at each sample, taken with the time series rows.</summary>
    public IReadOnlyList<HpaSample> Hpas => _hpas.Samples;

    /// <summary>Pods that exist now (created and not yet removed), by phase.</summary>
    public int CountInPhase(PodPhase phase) => _pods.CountInPhase(phase);

    /// <summary>Every node's Ready and NotReady intervals so far: nodes in the order added, each in time order.</summary>
    public IReadOnlyList<NodeInterval> NodeIntervals() => _nodes.Intervals();

    /// <summary>Outages of Deployments and bare ReplicaSets so far, recovered or not, by start time.</summary>
    public IReadOnlyList<RecoveryInterval> Recoveries() => _recoveries.Intervals();

    /// <summary>Makes <paramref name="pool"/>'s price known to the cost accounting.</summary>
    public void AddNodePool(NodePool pool) => _cost.AddPool(pool);

    /// <summary>Measures what running pods use at each sample (utilization); null: not measured.</summary>
    public ResourceUsage? Usage { get; set; }

    /// <summary>Bills an instance of <paramref name="pool"/> the cluster autoscaler asked for, from now until it registers as <paramref name="nodeName"/> (then as that node).</summary>
    public void BillProvisioning(string pool, string nodeName) => _cost.BillProvisioning(pool, nodeName);

    /// <summary>Stops billing a requested instance that will never register.</summary>
    public void StopBilling(string nodeName) => _cost.StopBilling(nodeName);

    /// <summary>Has <paramref name="sampler"/> take its rows with every sample of the time series.</summary>
    public void AddSampler(IIntervalSampler sampler) => _samplers.Add(sampler);

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
        _allocation.Integrals.Advance(_sim.Now);
    }

    public void OnEvent(ClusterEvent clusterEvent) => _events.Add(clusterEvent);

    private void Sample()
    {
        foreach (var sampler in _samplers) sampler.Sample();
        var integrals = _allocation.Integrals;
        integrals.Advance(_sim.Now);
        _rows.Add(new TimeSeriesRow(
            _sim.Now,
            _pods.CountInPhase(PodPhase.Pending),
            _pods.CountInPhase(PodPhase.Running),
            _pods.CountInPhase(PodPhase.Succeeded),
            _pods.CountInPhase(PodPhase.Failed),
            _nodes.ReadyNodes,
            _nodes.NotReadyNodes,
            _pods.Terminating,
            integrals.RequestedNow(),
            integrals.AllocatableNow())
        { GpusByModel = _allocation.GpuModels.Now(), Cost = _cost.CostUntil(_sim.Now), Used = Usage?.Now() ?? new Dictionary<string, long>() });
        _hpas.Sample();
    }

    public RunSummary Summarize()
    {
        var latencies = new List<double>();
        int scheduled = 0, unschedulable = 0, everUnschedulable = 0, succeeded = 0, failed = 0, evicted = 0, restarts = 0;
        foreach (var r in _pods.Records)
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
            if (r.Evicted) evicted++;
            restarts += r.Restarts;
        }
        latencies.Sort();
        return new RunSummary
        {
            SimulatedSeconds = _sim.Now.TotalSeconds,
            EventsProcessed = _sim.EventsProcessed,
            PodsCreated = _pods.Records.Count,
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
            AllocationRatio = _allocation.Integrals.Ratios(),
            Jobs = _jobs.Summarize(),
            PodDisruptions = new PodDisruptionSummary(evicted, restarts),
            NodeHealth = _nodes.Summarize(_sim.Now),
            TimeToRecover = _recoveries.Summarize(),
            Hpa = _hpas.Summarize(_events),
            GpuAllocationByModel = _allocation.GpuModels.Ratios(_sim.Now),
            Cost = SummarizeCost(),
        };
    }

    private CostSummary SummarizeCost()
    {
        var byPool = _cost.ByPool(_sim.Now);
        double total = 0;
        foreach (var pool in byPool) total += pool.Cost;
        _allocation.GpuModels.Advance(_sim.Now);
        // Thousandths of a GPU × microseconds to GPU-hours.
        double idleGpuHours = (double)_allocation.GpuModels.IdleIntegral / 1000 / 3_600_000_000.0;
        return new CostSummary(total, byPool, idleGpuHours, _cost.AnyPriced());
    }
}
