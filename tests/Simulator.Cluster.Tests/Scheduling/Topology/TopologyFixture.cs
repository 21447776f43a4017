using Simulator.Cluster.Api;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Scheduling.Topology;

/// <summary>Nodes as the scheduler cache holds them, with pods already placed, for calling a plugin's extension points directly.</summary>
internal sealed class TopologyFixture
{
    public const string Zone = "topology.kubernetes.io/zone";
    public const string Hostname = "kubernetes.io/hostname";

    public ResourceIndex Index { get; } = new();

    public List<NodeInfo> Nodes { get; } = [];

    public PodAffinityTally Tally { get; } = new();

    /// <summary>Adds a node (in <paramref name="zone"/>, or without a zone label if null) holding <paramref name="webPods"/> pods labelled app=web.</summary>
    public NodeInfo Node(string name, string? zone, int webPods = 0, Action<NodeBuilder>? configure = null)
    {
        var builder = new NodeBuilder(name);
        if (zone is not null) builder.Zone(zone);
        configure?.Invoke(builder);
        var node = new NodeInfo(builder.Build(), Index, Tally);
        Nodes.Add(node);
        for (int i = 0; i < webPods; i++) Place(node, new PodBuilder($"{name}-web-{i}").Label("app", "web"));
        return node;
    }

    public Pod Place(NodeInfo node, PodBuilder pod)
    {
        var p = pod.OnNode(node.Name).Build();
        node.AddPod(p, new PodInfo(p, Index));
        return p;
    }

    public PodInfo Info(PodBuilder pod) => new(pod.Build(), Index);

    public NodeInfo this[string name] => Nodes.Single(n => n.Name == name);
}
