using Simulator.Cluster.Api;
using Simulator.Scenarios.Kinds;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// What the documents of a scenario add up to while they are read: the objects so far and the
/// names already taken, so that a duplicate is reported where it is written the second time.
/// The documents of a folder come from several files; <see cref="Enter"/> says which one.
/// </summary>
/// <param name="defaultName">The scenario's name when no Scenario document gives one.</param>
internal sealed class LoadContext(string defaultName, ScenarioErrors errors)
{
    private readonly List<Node> _nodes = [];
    private readonly TakenNames _nodeNames = new(errors);
    private readonly List<PodSubmission> _pods = [];
    private readonly TakenNames _podNames = new(errors);
    private readonly List<ObjectSubmission> _workloads = [];
    private readonly TakenNames _workloadNames = new(errors);
    private readonly List<NodePool> _pools = [];
    private readonly TakenNames _poolNames = new(errors);
    private readonly List<Traffic> _traffic = [];
    private readonly TakenNames _trafficNames = new(errors);
    private readonly List<string> _dataFiles = [];
    private readonly List<WorkloadGenerator> _generators = [];
    private readonly TakenNames _generatorNames = new(errors);
    private readonly List<(string File, string Text, Action<Cluster.Workloads.Training.ThroughputTable> Check)> _tableChecks = [];
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private bool _nodeLimitReported;
    private readonly List<string> _files = [];
    private SourceLine? _settingsAt;
    private SourceLine? _schedulerConfigurationAt;
    private Cluster.Workloads.Traces.TraceReplay? _traceReplay;
    private SourceLine? _traceReplayAt;

    /// <summary>The file the document being read is in.</summary>
    public string File { get; private set; } = "";

    /// <summary>That whole file, for handing one document's text to KubernetesClient.</summary>
    public string Text { get; private set; } = "";

    public ScenarioErrors Errors { get; } = errors;

    public PriorityClassTable PriorityClasses { get; } = new();

    public ScenarioSettings? Settings { get; private set; }

    /// <summary>Nodes present at time 0, in file order.</summary>
    public IReadOnlyList<Node> Nodes => _nodes;

    public IReadOnlyList<NodePool> Pools => _pools;

    /// <summary>Makes <paramref name="file"/> (with its text) the one the next documents and errors are in.</summary>
    public void Enter(string file, string text)
    {
        File = file;
        Text = text;
        Errors.Enter(file);
        if (!_files.Contains(file, StringComparer.Ordinal)) _files.Add(file);
    }

    public void SetSettings(ScenarioSettings settings, SourceField kindField)
    {
        if (_settingsAt is not null)
        {
            Errors.At(kindField, $"only one Scenario document is allowed (the first is at {Errors.Describe(_settingsAt)})");
            return;
        }
        Settings = settings;
        _settingsAt = Errors.Here(kindField.Position.Line);
    }

    /// <summary>The KubeSchedulerConfiguration's profiles (none without one).</summary>
    public IReadOnlyList<Cluster.Scheduling.Profiles.ProfileSpec> SchedulerConfiguration { get; private set; } = [];

    public void SetSchedulerConfiguration(IReadOnlyList<Cluster.Scheduling.Profiles.ProfileSpec> profiles, SourceField kindField)
    {
        if (_schedulerConfigurationAt is not null)
        {
            Errors.At(kindField, $"only one KubeSchedulerConfiguration document is allowed (the first is at {Errors.Describe(_schedulerConfigurationAt)})");
            return;
        }
        SchedulerConfiguration = profiles;
        _schedulerConfigurationAt = Errors.Here(kindField.Position.Line);
    }

    /// <summary>
    /// Whether <paramref name="more"/> nodes still fit under <see cref="InputLimits.MaxNodes"/>;
    /// reports the first time they do not.
    /// </summary>
    public bool HasRoomForNodes(long more, SourceField at)
    {
        if (_nodes.Count + more <= InputLimits.MaxNodes) return true;
        if (!_nodeLimitReported)
            Errors.At(at, $"the scenario would have more than {InputLimits.MaxNodes} nodes");
        _nodeLimitReported = true;
        return false;
    }

    /// <summary>Adds a node unless its name is taken; <paramref name="nameField"/> is where the name is written.</summary>
    public bool TryAddNode(Node node, SourceField nameField)
    {
        if (!_nodeNames.TryTake("nodes", node.Name, nameField)) return false;
        _nodes.Add(node);
        return true;
    }

    /// <summary>Adds a node pool unless its name is taken; its nodes are added separately.</summary>
    public bool TryAddPool(NodePool pool, SourceField nameField)
    {
        if (!_poolNames.TryTake("node pool", pool.Name, nameField)) return false;
        _pools.Add(pool);
        return true;
    }

    /// <summary>Adds a pod unless its name is taken in its namespace.</summary>
    public void AddPod(PodSubmission submission, SourceField nameField)
    {
        var pod = submission.Pod;
        if (_podNames.TryTake("pods", pod.Name, nameField, key: pod.Key)) _pods.Add(submission);
    }

    /// <summary>
    /// Adds a Deployment, ReplicaSet or Job; names are unique per kind and namespace.
    /// <paramref name="resource"/> is how kubectl names the kind in messages ("deployments.apps").
    /// </summary>
    public void AddWorkload(ObjectSubmission submission, SourceField nameField, string resource)
    {
        var meta = submission.Object.Metadata;
        if (_workloadNames.TryTake(resource, meta.Name, nameField, key: resource + "/" + meta.Key)) _workloads.Add(submission);
    }

    /// <summary>A submitted object of type <typeparamref name="T"/> by namespace and name, or null.</summary>
    public T? Find<T>(string ns, string name)
        where T : class, IApiObject
    {
        foreach (var submission in _workloads)
            if (submission.Object is T found && found.Metadata.Name == name && found.Metadata.Namespace == ns) return found;
        return null;
    }

    /// <summary>
    /// Records that the file defines a <paramref name="kind"/> of this name, even if its document
    /// has errors, so that an object pointing at it does not add "not found" to those errors.
    /// </summary>
    public void Declare(string kind, string? ns, string? name)
    {
        if (!string.IsNullOrEmpty(name)) _declared.Add(kind + "/" + (string.IsNullOrEmpty(ns) ? PodReader.DefaultNamespace : ns) + "/" + name);
    }

    /// <summary>Whether the file defines a <paramref name="kind"/> of this name, valid or not.</summary>
    public bool IsDeclared(string kind, string ns, string name) => _declared.Contains(kind + "/" + ns + "/" + name);

    /// <summary>The names of submitted objects of type <typeparamref name="T"/> in a namespace, for "did you mean" hints.</summary>
    public IEnumerable<string> NamesOf<T>(string ns)
        where T : class, IApiObject =>
        _workloads.Select(w => w.Object).OfType<T>().Where(o => o.Metadata.Namespace == ns).Select(o => o.Metadata.Name);

    /// <summary>Adds a Traffic object unless its name is taken in its namespace.</summary>
    public void AddTraffic(Traffic traffic, SourceField nameField)
    {
        if (_trafficNames.TryTake("traffic", traffic.Name, nameField, key: traffic.Namespace + "/" + traffic.Name)) _traffic.Add(traffic);
    }

    /// <summary>Adds a WorkloadGenerator unless its name is taken in its namespace.</summary>
    public void AddGenerator(WorkloadGenerator generator, SourceField nameField)
    {
        if (_generatorNames.TryTake("workload generator", generator.Name, nameField, key: generator.Namespace + "/" + generator.Name))
            _generators.Add(generator);
    }

    /// <summary>Sets the scenario's TraceReplay; a second one is an error.</summary>
    public void SetTraceReplay(Cluster.Workloads.Traces.TraceReplay replay, SourceField kindField)
    {
        if (_traceReplayAt is not null)
        {
            Errors.At(kindField, $"only one TraceReplay document is allowed (the first is at {Errors.Describe(_traceReplayAt)})");
            return;
        }
        _traceReplay = replay;
        _traceReplayAt = Errors.Here(kindField.Position.Line);
    }

    /// <summary>A data file the scenario names (a replayed rate CSV), copied into the results with it.</summary>
    public void AddDataFile(string path)
    {
        if (!_dataFiles.Contains(path, StringComparer.Ordinal)) _dataFiles.Add(path);
    }

    /// <summary>
    /// Runs <paramref name="check"/> once every document is read, against the complete throughput
    /// table (the Scenario document, read last, may add rows); its errors go to the file being read now.
    /// </summary>
    public void CheckWithThroughputTable(Action<Cluster.Workloads.Training.ThroughputTable> check) => _tableChecks.Add((File, Text, check));

    /// <summary>Runs the checks <see cref="CheckWithThroughputTable"/> deferred, in the order they were asked for.</summary>
    public void RunThroughputTableChecks()
    {
        var table = Settings?.Throughput ?? Cluster.Workloads.Training.ThroughputTable.Default;
        foreach (var (file, text, check) in _tableChecks)
        {
            Enter(file, text);
            check(table);
        }
    }

    public ScenarioDefinition Build()
    {
        var s = Settings ?? new ScenarioSettings();
        var defaults = new ScenarioDefinition { Name = "" };
        return new ScenarioDefinition
        {
            Name = s.Name ?? defaultName,
            Description = s.Description ?? defaults.Description,
            Seed = s.Seed ?? defaults.Seed,
            Duration = s.Duration,
            Profile = s.Profile ?? defaults.Profile,
            ConfiguredProfiles = SchedulerConfiguration,
            MetricsInterval = s.MetricsInterval ?? defaults.MetricsInterval,
            ImagePullBytesPerSecond = s.ImagePullBytesPerSecond ?? defaults.ImagePullBytesPerSecond,
            ContainerStartTime = s.ContainerStartTime ?? defaults.ContainerStartTime,
            Nodes = _nodes,
            Pods = _pods,
            Workloads = _workloads,
            NodePools = _pools,
            Timeline = s.Timeline,
            FaultModels = s.FaultModels,
            Traffic = _traffic,
            Throughput = s.Throughput ?? Cluster.Workloads.Training.ThroughputTable.Default,
            Generators = _generators,
            TraceReplay = _traceReplay,
            // FGD's target workload: the trace's pod list as written (not shuffled, no copies).
            TargetWorkload = _traceReplay is { } trace ? Cluster.Scheduling.Fragmentation.TargetWorkload.FromPods(trace.Pods.Select(p => p.Shape), trace.TargetWorkloadPercent / 100.0) : null,
            SourceFiles = [.. _files, .. _dataFiles],
            ClusterAutoscaler = s.ClusterAutoscaler ?? defaults.ClusterAutoscaler,
        };
    }
}
