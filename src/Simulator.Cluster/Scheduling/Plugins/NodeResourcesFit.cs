using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Filter: the node's allocatable minus what bound pods request must cover the pod's requests,
/// one "Insufficient &lt;resource&gt;" reason per short resource, and the pod count must stay
/// within allocatable pods ("Too many pods"). Score: the configured strategy over the
/// configured resources, combined as <see cref="ScoringStrategy"/> says (resources the node has
/// none of, and extended resources the pod does not request, are left out).
/// </summary>
public sealed class NodeResourcesFit : IFilterPlugin, IScorePlugin, IEnqueueExtensions
{
    public const string TooManyPods = "Too many pods";

    private readonly ResourceIndex _resources;
    private readonly ScoringStrategy _strategy;
    private readonly (int Resource, int Weight, bool Extended)[] _scored;
    private readonly Dictionary<ulong, string[]> _reasonsBySet = [];

    public NodeResourcesFit(ResourceIndex resources, ScoringStrategyType strategy, IReadOnlyList<ResourceWeight> scoredResources)
        : this(resources, new NodeResourcesFitArgs(strategy, scoredResources))
    {
    }

    private NodeResourcesFit(ResourceIndex resources, NodeResourcesFitArgs args)
    {
        _resources = resources;
        Strategy = args.Type;
        _strategy = ScoringStrategies.Table[args.Type](args);
        _scored = args.Resources.Select(r => (resources.Register(r.Name), r.Weight, ResourceNames.IsExtended(r.Name))).ToArray();
    }

    /// <summary>The plugin as its args configure it (null = kube-scheduler's defaults).</summary>
    public static NodeResourcesFit Create(ResourceIndex resources, NodeResourcesFitArgs? args) =>
        new(resources, args ?? NodeResourcesFitArgs.Default);

    /// <summary>kube-scheduler's default: LeastAllocated over cpu and memory, weight 1 each.</summary>
    public static IReadOnlyList<ResourceWeight> DefaultResources { get; } =
        [new ResourceWeight(ResourceNames.Cpu, 1), new ResourceWeight(ResourceNames.Memory, 1)];

    public ScoringStrategyType Strategy { get; }

    public string Name => PluginNames.NodeResourcesFit;

    public ClusterEventKind EventsToRegister =>
        ClusterEventKind.NodeAdd | ClusterEventKind.NodeAllocatableChange | ClusterEventKind.AssignedPodDelete;

    public Status Filter(PodInfo pod, NodeInfo node)
    {
        // fitsRequest: the pod-count check comes first, then each requested resource. The set of
        // short resources (bit 0: pod count, bit 1 + id: a resource) names the reasons, always in
        // this order (a pod's requests are sorted by name), so the reasons of a set are built
        // once: a pod that fits nowhere is rejected by every node of a large cluster.
        string? first = null;
        int count = 0;
        ulong set = 0;
        bool cacheable = true;
        if (node.PodCount + 1 > node.AllowedPodNumber)
        {
            first = TooManyPods;
            count = 1;
            set = 1;
        }
        foreach (var r in pod.Requests)
        {
            if (r.Amount <= node.Allocatable(r.Resource) - node.Requested(r.Resource)) continue;
            first ??= _resources.InsufficientReason(r.Resource);
            count++;
            if (r.Resource < 63) set |= 1UL << (r.Resource + 1);
            else cacheable = false;
        }
        if (count == 0) return Status.Success;
        if (count == 1) return Status.Unschedulable(Name, first!);
        if (!cacheable || !_reasonsBySet.TryGetValue(set, out var reasons))
        {
            reasons = Reasons(pod, node);
            if (cacheable) _reasonsBySet[set] = reasons;
        }
        return Status.WithReasons(StatusCode.Unschedulable, Name, reasons);
    }

    private string[] Reasons(PodInfo pod, NodeInfo node)
    {
        var reasons = new List<string>();
        if (node.PodCount + 1 > node.AllowedPodNumber) reasons.Add(TooManyPods);
        foreach (var r in pod.Requests)
        {
            if (r.Amount > node.Allocatable(r.Resource) - node.Requested(r.Resource))
                reasons.Add(_resources.InsufficientReason(r.Resource));
        }
        return [.. reasons];
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        long sum = 0, weights = 0;
        foreach (var (resource, weight, extended) in _scored)
        {
            long podRequest;
            long nodeRequested;
            if (resource == ResourceIndex.Cpu)
            {
                podRequest = pod.NonZeroCpu;
                nodeRequested = node.NonZeroCpu;
            }
            else if (resource == ResourceIndex.Memory)
            {
                podRequest = pod.NonZeroMemory;
                nodeRequested = node.NonZeroMemory;
            }
            else
            {
                podRequest = pod.RequestOf(resource);
                // resource_allocation.go: an extended resource the pod does not ask for is left out.
                if (extended && podRequest == 0) continue;
                nodeRequested = node.Requested(resource);
            }
            long allocatable = node.Allocatable(resource);
            // resource_allocation.go: a resource the node has none of is left out of the mean.
            if (allocatable == 0) continue;
            long score = _strategy.ResourceScore(nodeRequested + podRequest, allocatable);
            if (score == 0 && _strategy.RoundedMeanOfPositiveScores) continue;
            sum += score * weight;
            weights += weight;
        }
        if (weights == 0) return 0;
        // math.Round (half away from zero) of a non-negative quotient, in integers.
        return _strategy.RoundedMeanOfPositiveScores ? (2 * sum + weights) / (2 * weights) : sum / weights;
    }
}
