using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Cluster.Workloads.Training;

/// <summary>
/// The training model. A training job is the set of pods with <see cref="Workload.Training"/> that
/// share a controller (a Job or PyTorchJob), or one bare pod. It advances only while all
/// <see cref="TrainingSpec.Workers"/> workers are up, at <see cref="TrainingRate"/>; one engine
/// event is pending per job (the projected last step, or the end of a checkpoint restore), never
/// one per step. When the steps are done, every worker's container exits 0 through the kubelet,
/// so the Job controller (or training-operator) sees the completions.
/// <para>
/// A worker is up while its pod is Running with ContainersReady True, is not being deleted, and
/// its node's kubelet is alive: a node failure stops the worker at the instant of the failure
/// (<see cref="NodeStatus.HeartbeatStoppedAt"/>), not when the node controller notices. When a
/// worker stops, progress since the last checkpoint is lost; when all workers are up again, the
/// job first reloads its checkpoint for <see cref="TrainingSpec.CheckpointRestore"/> (skipped when
/// no checkpoint was ever saved: it starts from scratch).
/// </para>
/// </summary>
public sealed class TrainingProgress : IPodWatcher, INodeWatcher, IEventHandler
{
    public const string ComponentName = "ksim-training";

    private const long FinishEvent = 0;
    private const long RestoredEvent = 1;

    private readonly ClusterStore _store;
    private readonly Simulation _sim;
    private readonly Kubelets _kubelets;
    private readonly ThroughputTable _table;
    private readonly MetricsRecorder? _metrics;
    private readonly Dictionary<string, TrainingJob> _jobs = new(StringComparer.Ordinal);
    private readonly List<TrainingRecord> _records = [];

    /// <summary>
    /// Unfinished jobs with at least one worker up, in the order their first worker came up: the
    /// only ones a node failure can stop. A job whose pods are all gone (deleted, or its Job
    /// failed) leaves it, so a long run does not keep scanning finished history.
    /// </summary>
    private readonly List<TrainingJob> _active = [];

    /// <summary>Job records by uid, indexed lazily from the append-only <see cref="MetricsRecorder.Jobs"/>.</summary>
    private readonly Dictionary<string, JobRecord> _jobRecords = new(StringComparer.Ordinal);
    private int _jobRecordsIndexed;

    private readonly List<(TrainingJob Job, Pod Pod)> _stopping = [];
    private readonly List<string> _types = [];

    /// <param name="metrics">Where Jobs' and PyTorchJobs' records are, to attach their training records to; optional.</param>
    public TrainingProgress(ClusterStore store, Kubelets kubelets, ThroughputTable throughput, MetricsRecorder? metrics = null)
    {
        _store = store;
        _sim = store.Simulation;
        _kubelets = kubelets;
        _table = throughput;
        _metrics = metrics;
        store.Watch((IPodWatcher)this);
        store.Watch((INodeWatcher)this);
    }

    public ThroughputTable Throughput => _table;

    /// <summary>Every training job seen, in the order its first worker was created.</summary>
    public IReadOnlyList<TrainingRecord> Records => _records;

    /// <summary>Unfinished training jobs with at least one worker up.</summary>
    public int ActiveJobs => _active.Count;

    /// <summary>Steps done by the training job of <paramref name="pod"/> now, saved or not; null if it is not a training pod seen here.</summary>
    public double? StepsDone(Pod pod) =>
        pod.Workload.Training is not null && _jobs.TryGetValue(JobKey(pod), out var job) ? job.StepsAt(_sim.Now) : null;

    /// <summary>
    /// Whether <paramref name="pod"/>'s accelerators are doing work now: its training job has all
    /// workers up and is training (not waiting for the rest of its gang, not reloading a checkpoint);
    /// null for a pod that is not a training pod seen here.
    /// </summary>
    public bool? IsComputing(Pod pod) =>
        pod.Workload.Training is not null && _jobs.TryGetValue(JobKey(pod), out var job) ? job.Phase == TrainingPhase.Training : null;

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (pod.Workload.Training is not { } spec) return;
        var job = JobOf(pod, spec, create: type != WatchEventType.Deleted);
        if (job is null || job.Phase == TrainingPhase.Done) return;
        bool up = type != WatchEventType.Deleted && IsUp(pod);
        int at = IndexOf(job.Up, pod);
        if (up && at < 0) WorkerUp(job, pod);
        else if (!up && at >= 0) WorkerDown(job, at);
    }

    public void OnNodeEvent(WatchEventType type, Node node)
    {
        if (type != WatchEventType.Deleted && node.Status.HeartbeatStoppedAt is null) return;
        foreach (var job in _active)
            foreach (var pod in job.Up)
                if (pod.Spec.NodeName == node.Name) _stopping.Add((job, pod));
        foreach (var (job, pod) in _stopping)
        {
            int at = IndexOf(job.Up, pod);
            if (at >= 0) WorkerDown(job, at);
        }
        _stopping.Clear();
    }

    /// <summary>A checkpoint restore ended, or the last step was reached.</summary>
    public void OnEvent(object? state, long arg)
    {
        var job = (TrainingJob)state!;
        job.Timer = EventHandle.None;
        if (arg == RestoredEvent) BeginSegment(job, restored: true);
        else Complete(job);
    }

    /// <summary>Training jobs' completion times, makespan and lost work so far.</summary>
    public TrainingSummary Summarize()
    {
        if (_records.Count == 0) return TrainingSummary.None;
        var seconds = new List<double>();
        long total = 0;
        var firstSubmit = SimTime.MaxValue;
        var lastFinish = SimTime.Zero;
        double lost = 0;
        int interruptions = 0;
        foreach (var r in _records)
        {
            lost += r.LostGpuHours;
            interruptions += r.Interruptions;
            if (r.Submitted < firstSubmit) firstSubmit = r.Submitted;
            if (r.Finished is not { } finished) continue;
            var jct = finished - r.Submitted;
            total += jct.Microseconds;
            seconds.Add(jct.TotalSeconds);
            if (finished > lastFinish) lastFinish = finished;
        }
        seconds.Sort();
        var completion = seconds.Count == 0
            ? CompletionTimeSummary.None
            : new CompletionTimeSummary(total / 1e6 / seconds.Count, Percentiles.NearestRank(seconds, 50),
                Percentiles.NearestRank(seconds, 95), seconds[^1]);
        double makespan = seconds.Count == 0 ? 0 : (lastFinish - firstSubmit).TotalSeconds;
        return new TrainingSummary(_records.Count, seconds.Count, completion, makespan, lost, interruptions);
    }

    private void WorkerUp(TrainingJob job, Pod pod)
    {
        job.Up.Add(pod);
        if (job.Up.Count == 1) _active.Add(job);
        if (job.Phase != TrainingPhase.Waiting || job.Up.Count < job.Spec.Workers) return;
        _types.Clear();
        var rate = TrainingRate.For(job.Spec, job.Up, _store, _table, _types);
        if (rate.Problem is { } problem)
        {
            if (!job.Stalled)
                Record(job, EventType.Warning, "TrainingStalled", $"Its {job.Up.Count} worker(s) are running but the job cannot train: {problem}");
            job.Stalled = true;
            return;
        }
        job.Stalled = false;
        foreach (var type in _types) job.Record.AddAcceleratorType(type);
        job.Record.Accelerators = rate.Accelerators;
        job.Record.AllWorkersUp ??= _sim.Now;
        _types.Sort(StringComparer.Ordinal);
        job.SetRate(rate.StepsPerSecond, rate.GpuEquivalents,
            string.Create(CultureInfo.InvariantCulture, $"{rate.Accelerators} x {string.Join('+', _types)}"));
        if (job.Checkpointed > 0 && job.Spec.CheckpointRestore > SimDuration.Zero)
        {
            job.Phase = TrainingPhase.Restoring;
            job.Timer = _sim.ScheduleAfter(job.Spec.CheckpointRestore, this, job, RestoredEvent);
            return;
        }
        BeginSegment(job, restored: false);
    }

    private void BeginSegment(TrainingJob job, bool restored)
    {
        var toGo = job.BeginSegment(_sim.Now);
        job.Timer = _sim.ScheduleAfter(toGo, this, job, FinishEvent);
        var at = Steps(job.Checkpointed);
        var speed = string.Create(CultureInfo.InvariantCulture,
            $"{job.Up.Count} worker(s) on {job.Hardware} at {job.Rate:0.###} steps/s");
        if (restored)
            Record(job, EventType.Normal, "CheckpointRestored", $"Restored the checkpoint at step {at} in {job.Spec.CheckpointRestore}; training on {speed}");
        else if (job.Checkpointed > 0 || job.Record.Interruptions > 0)
            Record(job, EventType.Normal, "TrainingResumed", $"Training resumed at step {at} on {speed}");
        else
            Record(job, EventType.Normal, "TrainingStarted", $"Training {job.Spec.Model} for {job.Spec.Steps} steps on {speed}");
    }

    private void WorkerDown(TrainingJob job, int at)
    {
        var pod = job.Up[at];
        job.Up.RemoveAt(at);
        if (job.Up.Count == 0) _active.Remove(job);
        // The next set of workers may land elsewhere: it gets its own warning if it cannot train either.
        job.Stalled = false;
        switch (job.Phase)
        {
            case TrainingPhase.Training:
                _sim.Cancel(job.Timer);
                var (lostTime, lostSteps) = job.Interrupt(_sim.Now);
                job.Record.Interruptions++;
                job.Record.LostSteps += lostSteps;
                job.Record.LostGpuHours += lostTime.TotalSeconds / 3600 * job.GpuEquivalents;
                Record(job, EventType.Warning, "TrainingInterrupted", string.Create(CultureInfo.InvariantCulture,
                    $"Worker {pod.Name} stopped: {lostSteps:0.#} steps ({lostTime}) since the last checkpoint are lost; resuming from step {Steps(job.Checkpointed)} when all {job.Spec.Workers} workers run"));
                break;
            case TrainingPhase.Restoring:
                _sim.Cancel(job.Timer);
                job.Phase = TrainingPhase.Waiting;
                job.Record.Interruptions++;
                Record(job, EventType.Warning, "TrainingInterrupted",
                    $"Worker {pod.Name} stopped while restoring the checkpoint at step {Steps(job.Checkpointed)}");
                break;
        }
    }

    /// <summary>The steps are done: every worker's container exits 0, and the job is forgotten by the failure path.</summary>
    private void Complete(TrainingJob job)
    {
        job.Finish();
        job.Record.Finished = _sim.Now;
        _active.Remove(job);
        Record(job, EventType.Normal, "TrainingCompleted",
            $"Trained {job.Spec.Steps} steps of {job.Spec.Model}; the workers' containers exit 0");
        // Done first: the completions below come back to OnPodEvent, which then ignores them.
        var workers = job.Up.ToArray();
        job.Up.Clear();
        foreach (var pod in workers) _kubelets.CompleteContainers(pod);
    }

    private bool IsUp(Pod pod)
    {
        if (pod.Status.Phase != PodPhase.Running || pod.IsTerminating) return false;
        if (pod.Status.GetCondition(PodConditionType.ContainersReady) is not { Status: ConditionStatus.True }) return false;
        var node = _store.GetNode(pod.Spec.NodeName);
        return node is not null && node.Status.HeartbeatStoppedAt is null;
    }

    private TrainingJob? JobOf(Pod pod, TrainingSpec spec, bool create)
    {
        var key = JobKey(pod);
        if (_jobs.TryGetValue(key, out var job) || !create) return job;
        var owner = pod.Metadata.Controller;
        var ns = pod.Metadata.Namespace;
        var (kind, name, submitted) = owner switch
        {
            { Kind: "Job" } => (owner.Kind, owner.Name, _store.Jobs.Get(Key(ns, owner.Name))?.Metadata.CreationTimestamp),
            { Kind: "PyTorchJob" } => (owner.Kind, owner.Name, _store.PyTorchJobs.Get(Key(ns, owner.Name))?.Metadata.CreationTimestamp),
            not null => (owner.Kind, owner.Name, null),
            null => ("Pod", pod.Name, (SimTime?)pod.Metadata.CreationTimestamp),
        };
        var record = new TrainingRecord
        {
            Kind = kind,
            Namespace = ns,
            Name = name,
            Uid = key,
            Submitted = submitted ?? pod.Metadata.CreationTimestamp,
            Model = spec.Model,
            Steps = spec.Steps,
            Workers = spec.Workers,
        };
        job = new TrainingJob(spec, record, kind, Key(ns, name));
        _jobs.Add(key, job);
        _records.Add(record);
        if (owner is not null && FindJobRecord(owner.Uid) is { } jobRecord) jobRecord.Training = record;
        return job;
    }

    private JobRecord? FindJobRecord(string uid)
    {
        if (_metrics is null) return null;
        var all = _metrics.Jobs;
        for (; _jobRecordsIndexed < all.Count; _jobRecordsIndexed++) _jobRecords[all[_jobRecordsIndexed].Uid] = all[_jobRecordsIndexed];
        return _jobRecords.GetValueOrDefault(uid);
    }

    private static string JobKey(Pod pod) => pod.Metadata.Controller?.Uid ?? pod.Metadata.Uid;

    private static string Key(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;

    private static int IndexOf(List<Pod> pods, Pod pod)
    {
        for (int i = 0; i < pods.Count; i++)
            if (ReferenceEquals(pods[i], pod)) return i;
        return -1;
    }

    private static string Steps(double steps) => Math.Floor(steps).ToString(CultureInfo.InvariantCulture);

    private void Record(TrainingJob job, EventType type, string reason, string message) =>
        _store.RecordEvent(type, reason, job.EventKind, job.EventKey, message, ComponentName);
}
