using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// Favors nodes whose resources would be used in equal fractions: score = (1 - std) * 100 over
/// the fractions requested/allocatable (capped at 1) of cpu and memory, using real requests (not
/// the non-zero defaults). Skipped for pods that request neither, so best-effort pods do not all
/// pile onto one node.
/// </summary>
public sealed class NodeResourcesBalancedAllocation : IPreScorePlugin, IScorePlugin
{
    private readonly (int Resource, bool Extended)[] _resources;
    private readonly double[] _fractions;

    public NodeResourcesBalancedAllocation(ResourceIndex resources, IReadOnlyList<string>? resourceNames = null)
    {
        resourceNames ??= [ResourceNames.Cpu, ResourceNames.Memory];
        _resources = resourceNames.Select(n => (resources.Register(n), ResourceNames.IsExtended(n))).ToArray();
        _fractions = new double[_resources.Length];
    }

    public string Name => PluginNames.NodeResourcesBalancedAllocation;

    public Status PreScore(PodInfo pod, IReadOnlyList<NodeInfo> feasibleNodes)
    {
        foreach (var (resource, _) in _resources)
            if (pod.RequestOf(resource) != 0) return Status.Success;
        return Status.Skip;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        int n = 0;
        foreach (var (resource, extended) in _resources)
        {
            long podRequest = pod.RequestOf(resource);
            if (extended && podRequest == 0) continue;
            long allocatable = node.Allocatable(resource);
            if (allocatable == 0) continue;
            double fraction = (double)(node.Requested(resource) + podRequest) / allocatable;
            _fractions[n++] = Math.Min(fraction, 1.0);
        }
        double std;
        if (n == 2)
        {
            // With two resources the standard deviation is half the difference, computed this way
            // in kube-scheduler to keep floating-point results identical.
            std = Math.Abs((_fractions[0] - _fractions[1]) / 2);
        }
        else if (n > 2)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += _fractions[i];
            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++) variance += (_fractions[i] - mean) * (_fractions[i] - mean);
            std = Math.Sqrt(variance / n);
        }
        else
        {
            std = 0;
        }
        return (long)((1 - std) * ScoreNormalizer.MaxNodeScore);
    }
}
