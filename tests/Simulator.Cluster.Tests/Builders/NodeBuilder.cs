using Simulator.Cluster.Api;

namespace Simulator.Cluster.Tests.Builders;

/// <summary>Builds a node stating only what a test cares about: <c>new NodeBuilder("n1").Cpu("4").Memory("16Gi").Gpus(2)</c>.</summary>
public sealed class NodeBuilder(string name)
{
    private readonly Dictionary<string, long> _allocatable = new(StringComparer.Ordinal)
    {
        [ResourceNames.Cpu] = 4_000,
        [ResourceNames.Memory] = 16L << 30,
    };
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal) { ["kubernetes.io/hostname"] = name };
    private readonly List<Taint> _taints = [];
    private bool _unschedulable;

    public NodeBuilder Cpu(string quantity) => Set(ResourceNames.Cpu, quantity);

    public NodeBuilder Memory(string quantity) => Set(ResourceNames.Memory, quantity);

    public NodeBuilder Gpus(long count) => Resource(ResourceNames.NvidiaGpu, count);

    public NodeBuilder MaxPods(long count) => Resource(ResourceNames.Pods, count);

    public NodeBuilder Resource(string name, long amount)
    {
        _allocatable[name] = amount;
        return this;
    }

    public NodeBuilder Label(string key, string value)
    {
        _labels[key] = value;
        return this;
    }

    public NodeBuilder Zone(string zone) => Label("topology.kubernetes.io/zone", zone);

    public NodeBuilder Taint(string key, string value, TaintEffect effect)
    {
        _taints.Add(new Taint(key, value, effect));
        return this;
    }

    public NodeBuilder Unschedulable()
    {
        _unschedulable = true;
        return this;
    }

    private NodeBuilder Set(string resource, string quantity)
    {
        Assert.True(Quantity.TryParseFor(resource, quantity, out var v, out var error), error);
        _allocatable[resource] = v;
        return this;
    }

    public Node Build()
    {
        var resources = ResourceList.From(_allocatable);
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "", Labels = new Dictionary<string, string>(_labels) },
            Spec = new NodeSpec { Taints = [.. _taints], Unschedulable = _unschedulable },
            Status = new NodeStatus { Capacity = resources, Allocatable = resources },
        };
    }
}
