using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Workloads.Training;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Heterogeneity-aware placement (Gavel's "the accelerator that trains this model fastest"): a
/// training pod scores a node by the throughput table's rate for its model on the node's
/// accelerator type, scaled so that the table's fastest type for the model scores 100 and a type
/// without a row 0. The rate is the one for the whole job's accelerators (workers x the pod's),
/// as the job trains at that rate; if the table has no row for that total, the pod's own count.
/// Pods without a training workload skip the plugin (PreScore Skip); nodes without accelerators
/// score 0.
/// <para>
/// Table lookups normalize names, so their results are cached: the per-type scores by (model,
/// accelerators), computed once per kind of job, and each node label's table type, resolved the
/// first time the label is met. After that PreScore and Score allocate nothing; Score is two
/// dictionary lookups.
/// </para>
/// </summary>
public sealed class FastestAccelerator : IPreScorePlugin, IScorePlugin
{
    public const string PluginName = "FastestAccelerator";

    private readonly ThroughputTable _table;

    /// <summary>The table's accelerator types (normalized), in first-seen order.</summary>
    private readonly string[] _types;

    /// <summary>A node label's index into <see cref="_types"/>, or -1 if the table has no such type; filled as labels are met.</summary>
    private readonly Dictionary<string, int> _typeOfLabel = new(StringComparer.Ordinal);

    /// <summary>Score per type by (model, accelerators); null where no type has a row.</summary>
    private readonly Dictionary<(string Model, int Accelerators), long[]?> _scoresByJob = [];

    /// <summary>The current pod's score per type.</summary>
    private long[] _scores = [];

    public FastestAccelerator(ThroughputTable table)
    {
        _table = table;
        _types = [.. table.Rows.Select(r => ThroughputTable.Normalize(r.Accelerator)).Distinct(StringComparer.Ordinal)];
    }

    public string Name => PluginName;

    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        if (pod.Pod.Workload.Training is not { } training) return Status.Skip;
        int perPod = AcceleratorsOf(pod.Pod);
        if (perPod == 0) return Status.Skip;
        var scores = ScoresFor(training.Model, perPod * Math.Max(1, training.Workers)) ?? ScoresFor(training.Model, perPod);
        if (scores is null) return Status.Skip;
        _scores = scores;
        return Status.Success;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        var n = node.Node;
        if (AcceleratorLabels.AcceleratorCount(n) == 0 || AcceleratorLabels.AcceleratorOf(n) is not { } label) return 0;
        int type = TypeOf(label);
        return type < 0 ? 0 : _scores[type];
    }

    /// <summary>Whole accelerators the pod asks for; a GPU share counts as one.</summary>
    private static int AcceleratorsOf(Pod pod)
    {
        var requests = pod.Requests;
        long count = requests.Get(ResourceNames.NvidiaGpu);
        if (count == 0) count = requests.Get(ResourceNames.GoogleTpu);
        if (count == 0 && requests.Get(ResourceNames.GpuMilli) > 0) count = 1;
        return (int)Math.Min(count, int.MaxValue);
    }

    /// <summary>Scores per type for <paramref name="accelerators"/> of <paramref name="model"/>; null if no type has a row.</summary>
    private long[]? ScoresFor(string model, int accelerators)
    {
        if (_scoresByJob.TryGetValue((model, accelerators), out var cached)) return cached;
        var scores = ComputeScores(model, accelerators);
        _scoresByJob.Add((model, accelerators), scores);
        return scores;
    }

    /// <summary>
    /// The uncached path, in a method of its own: a lambda's captured locals are allocated when
    /// their scope is entered, which in <see cref="ScoresFor"/> would be on every call.
    /// </summary>
    private long[]? ComputeScores(string model, int accelerators)
    {
        var rates = new double[_types.Length];
        for (int i = 0; i < _types.Length; i++) rates[i] = _table.StepsPerSecond(model, accelerators, _types[i]) ?? 0;
        double fastest = rates.Length == 0 ? 0 : rates.Max();
        return fastest <= 0 ? null : [.. rates.Select(r => (long)Math.Round(ScoreNormalizer.MaxNodeScore * r / fastest))];
    }

    private int TypeOf(string label)
    {
        if (_typeOfLabel.TryGetValue(label, out int type)) return type;
        var resolved = _table.ResolveAccelerator(label);
        type = resolved is null ? -1 : Array.IndexOf(_types, resolved);
        _typeOfLabel.Add(label, type);
        return type;
    }
}
