using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Faults;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Scheduling;
using Simulator.Cluster.Store;
using Simulator.Cluster.Store.Admission;
using Simulator.Cluster.Workloads;
using Simulator.Cluster.Workloads.Training;
using Simulator.Engine;

namespace Simulator.Cluster;

/// <summary>Progress of a run, reported between steps.</summary>
public readonly record struct SimulationProgress(SimTime Now, SimTime? End, long EventsProcessed, int PendingPods, int RunningPods);

/// <summary>An internal fault during a run, with the virtual time it happened at.</summary>
public sealed class SimulationException(SimTime time, Exception inner)
    : Exception($"internal error at t={time} ({time.ToSecondsString()}s): {inner.GetType().Name}: {inner.Message}", inner)
{
    public SimTime Time { get; } = time;
}

/// <summary>
/// One simulated cluster: the engine, the API server (with its admission plugins) and the
/// components that watch it (metrics, kubelets, kube-controller-manager's controllers, the
/// scheduler, kube-proxy's router, the fault injector, traffic and request servers), wired
/// together in the order their watches must see changes. Objects are submitted at virtual
/// times; <see cref="Run"/> plays the timeline and returns what happened.
/// </summary>
public sealed class ClusterSimulation : IEventHandler
{
    private const long CreatePodAction = 0;
    private const long AddNodeAction = 1;
    private const long CreateObjectAction = 2;

    private readonly ClusterOptions _options;
    private readonly List<IHousekeeping> _housekeeping = [];
    private int _submissionsPending;

    /// <summary>The options the cluster was built with (the runner's overrides applied), as its components saw them.</summary>
    public ClusterOptions Options => _options;

    public ClusterSimulation(ClusterOptions options)
    {
        _options = options;
        Engine = new Simulation(options.Seed);
        Store = new ClusterStore(Engine);
        Store.PodAdmission.Add(DefaultTolerationSeconds.Admit);
        ServiceIps = new ServiceIpAllocator(Store); // the first Service watcher: admission assigns the ClusterIP
        Metrics = new MetricsRecorder(Store, options.MetricsInterval);
        Kubelets = new Kubelets(Store, options.Kubelet);
        Controllers = new ControllerManager(Store, options.Controllers, Kubelets, options.LoggerFactory);
        Scheduler = new Scheduler(Store, options.SchedulerProfile, options.Queue,
            options.LoggerFactory?.CreateLogger(Scheduler.ComponentName), options.Throughput, options.TargetWorkload,
            options.ConfiguredProfiles);
        RegisterHousekeeping(Scheduler);
        RegisterHousekeeping(Controllers.Autoscalers); // the HPA's 15 s sync never keeps a finished run alive
        Router = new RequestRouter(Store);

        // Faults: node lifecycle monitoring and random fault clocks never keep a finished run alive.
        RegisterHousekeeping(Controllers.NodeLifecycle);
        Faults = new FaultInjector(Store, Kubelets);
        RegisterHousekeeping(Faults);

        // The Cluster Autoscaler: its scan never keeps a run alive while it has nothing to do.
        ClusterAutoscaler = new Controllers.ClusterAutoscaler.ClusterAutoscaler(Store, Scheduler, Kubelets, Faults.NodePools, Metrics, options.ClusterAutoscaler);
        RegisterHousekeeping(ClusterAutoscaler);

        // Request traffic through Services: arrivals and requests in service never keep a run going.
        Requests = new RequestRecorder(Store);
        Metrics.AddSampler(Requests);
        Traffic = new TrafficGenerator(Store, Requests) { Router = Router };
        RegisterHousekeeping(Traffic);
        PodMetrics = Traffic.PodMetrics;

        // ML training: progress of training jobs on the accelerators they landed on, and generated jobs.
        Training = new TrainingProgress(Store, Kubelets, options.Throughput, Metrics);
        Metrics.Usage = new ResourceUsage(Store, () => PodMetrics, Training.IsComputing);
        Generators = new WorkloadGenerators(Store, options.Throughput);

        // Trace replay: after the scheduler, so that a fill sees each placement or failure it waits for.
        Traces = new TraceReplayer(Store, Scheduler.Cache, options.TargetWorkload);
    }

    public Simulation Engine { get; }
    public ClusterStore Store { get; }
    public MetricsRecorder Metrics { get; }
    public ControllerManager Controllers { get; }
    public Kubelets Kubelets { get; }
    public Scheduler Scheduler { get; }

    /// <summary>ClusterIPs for Services, from 10.96.0.0/12.</summary>
    public ServiceIpAllocator ServiceIps { get; }

    /// <summary>Cluster DNS and kube-proxy: the traffic generator's way to a Service's pods.</summary>
    public IRequestRouter Router { get; }

    /// <summary>The timeline, random fault models and node pools at run time.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Adds and removes nodes of NodePools with spec.autoscaling; inert without them.</summary>
    public Controllers.ClusterAutoscaler.ClusterAutoscaler ClusterAutoscaler { get; }

    /// <summary>Request traffic and the pods' request servers (and the pod metrics the HPA reads).</summary>
    public TrafficGenerator Traffic { get; }

    /// <summary>Request metrics per Service.</summary>
    public RequestRecorder Requests { get; }

    /// <summary>Training jobs' progress, checkpoints and lost work.</summary>
    public TrainingProgress Training { get; }

    /// <summary>Training jobs arriving from WorkloadGenerators.</summary>
    public WorkloadGenerators Generators { get; }

    /// <summary>The TraceReplay's pods and, in fill mode, its GPU allocation samples.</summary>
    public TraceReplayer Traces { get; }

    /// <summary>Starts <paramref name="replay"/> (at time 0: nodes added before it are counted by a fill).</summary>
    public void AddTraceReplay(Workloads.Traces.TraceReplay replay) => Traces.Add(replay);

    /// <summary>Starts <paramref name="generator"/>'s arrivals.</summary>
    public void AddGenerator(WorkloadGenerator generator) => Generators.Add(generator);

    /// <summary>Starts <paramref name="traffic"/> at its start time.</summary>
    public void AddTraffic(Api.Traffic traffic) => Traffic.Add(traffic);

    /// <summary>
    /// Where the HPA controller reads pod CPU usage and requests per second; set by the serving
    /// model. Null (the default): HPAs never scale on metrics and say so once in a warning event.
    /// </summary>
    public Workloads.IPodMetrics? PodMetrics
    {
        get => Controllers.Autoscalers.PodMetrics;
        set => Controllers.Autoscalers.PodMetrics = value;
    }

    /// <summary>Creates <paramref name="pod"/> at virtual time <paramref name="at"/>.</summary>
    public void SubmitPod(SimTime at, Pod pod)
    {
        _submissionsPending++;
        Engine.Schedule(at, this, pod, CreatePodAction);
    }

    /// <summary>Registers <paramref name="node"/> at virtual time <paramref name="at"/>.</summary>
    public void AddNode(SimTime at, Node node)
    {
        _submissionsPending++;
        Engine.Schedule(at, this, node, AddNodeAction);
    }

    /// <summary>Creates a Deployment, ReplicaSet, Job, Service, HorizontalPodAutoscaler, PodGroup or PyTorchJob at virtual time <paramref name="at"/>.</summary>
    public void SubmitObject(SimTime at, IApiObject obj)
    {
        if (obj is not (Deployment or ReplicaSet or Job or Service or HorizontalPodAutoscaler or PodGroup or PyTorchJob or PodDisruptionBudget))
            throw new ArgumentException($"cannot submit a {obj.Kind} as a workload object", nameof(obj));
        _submissionsPending++;
        Engine.Schedule(at, this, obj, CreateObjectAction);
    }

    public void OnEvent(object? state, long arg)
    {
        _submissionsPending--;
        switch (arg)
        {
            case CreatePodAction:
                Store.CreatePod((Pod)state!);
                break;
            case AddNodeAction:
                Store.AddNode((Node)state!);
                break;
            default:
                switch (state)
                {
                    case Deployment d: Store.Deployments.Create(d); break;
                    case ReplicaSet rs: Store.ReplicaSets.Create(rs); break;
                    case Job j: Store.Jobs.Create(j); break;
                    case Service svc: Store.Services.Create(svc); break;
                    case HorizontalPodAutoscaler hpa: Store.HorizontalPodAutoscalers.Create(hpa); break;
                    case PodGroup group: Store.PodGroups.Create(group); break;
                    case PodDisruptionBudget pdb: Store.PodDisruptionBudgets.Create(pdb); break;
                    case PyTorchJob job: Store.PyTorchJobs.Create(job); break;
                }
                break;
        }
    }

    /// <summary>
    /// True when nothing can happen any more except housekeeping: no submissions, no kubelet or
    /// scheduling work pending, only periodic timers (metrics, queue flushes) armed. An
    /// unschedulable pod would only be retried and fail again, as nothing in the cluster changes.
    /// </summary>
    public bool IsQuiescent =>
        _submissionsPending == 0 && Scheduler.IsIdle && Engine.PendingEvents <= HousekeepingTimers();

    /// <summary>Counts <paramref name="component"/>'s periodic timers as housekeeping when deciding whether the run is over.</summary>
    public void RegisterHousekeeping(IHousekeeping component) => _housekeeping.Add(component);

    /// <summary>The metrics sampler's timer, plus every registered component's.</summary>
    private int HousekeepingTimers()
    {
        int armed = 1;
        foreach (var h in _housekeeping) armed += h.ArmedHousekeepingTimers;
        return armed;
    }

    /// <summary>
    /// Runs until <paramref name="end"/>, or, without an end, until the cluster is quiescent
    /// (checked every metrics interval) or <see cref="ClusterOptions.MaxRunTimeWithoutDuration"/>
    /// has passed. Cancellation stops between steps and marks the result partial.
    /// </summary>
    public RunResult Run(SimTime? end, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var step = _options.MetricsInterval > SimDuration.Zero ? _options.MetricsInterval : SimDuration.FromSeconds(10);
        var reason = RunEnd.Duration;
        var limit = end ?? SimTime.Zero + _options.MaxRunTimeWithoutDuration;
        try
        {
            Engine.RunUntil(SimTime.Zero);
            Metrics.Start();
            ClusterAutoscaler.Start();
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    reason = RunEnd.Interrupted;
                    break;
                }
                if (end is null && IsQuiescent)
                {
                    reason = RunEnd.Quiescent;
                    break;
                }
                if (Engine.Now >= limit)
                {
                    reason = end is null ? RunEnd.TimeLimit : RunEnd.Duration;
                    break;
                }
                var next = Engine.Now + step;
                if (next > limit) next = limit;
                Engine.RunUntil(next);
                progress?.Report(new SimulationProgress(Engine.Now, end, Engine.EventsProcessed,
                    Metrics.CountInPhase(PodPhase.Pending), Metrics.CountInPhase(PodPhase.Running)));
            }
            Metrics.Finish();
        }
        catch (Exception ex) when (ex is not SimulationException and not OperationCanceledException)
        {
            throw new SimulationException(Engine.Now, ex);
        }
        return new RunResult
        {
            EndTime = Engine.Now,
            Partial = reason == RunEnd.Interrupted,
            EndReason = reason,
            Summary = Metrics.Summarize() with { Training = Training.Summarize(), Generators = Generators.Summarize(), TraceReplay = Traces.Summarize(), ClusterAutoscaler = ClusterAutoscaler.Summarize() },
            Pods = Metrics.Pods,
            TimeSeries = Metrics.TimeSeries,
            Events = Metrics.Events,
            Jobs = Metrics.Jobs,
            Nodes = Metrics.NodeIntervals(),
            Recoveries = Metrics.Recoveries(),
            Services = Requests.Intervals,
            Hpas = Metrics.Hpas,
            Requests = Requests.Summarize(),
            Allocation = Traces.Allocation?.Samples ?? [],
        };
    }
}
