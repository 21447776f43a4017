namespace Simulator.Cluster.Api;

/// <summary>
/// A ksim.dev NodePool: a template for identical nodes named <c>&lt;pool&gt;-&lt;index&gt;</c>.
/// Kept at run time so that scripted actions and autoscalers can add nodes from it.
/// </summary>
public sealed class NodePool
{
    public required string Name { get; init; }

    /// <summary>Nodes the scenario starts with.</summary>
    public int Count { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ObjectMeta.EmptyMap;
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ObjectMeta.EmptyMap;
    public IReadOnlyList<Taint> Taints { get; init; } = [];
    public bool Unschedulable { get; init; }
    public required ResourceList Capacity { get; init; }
    public required ResourceList Allocatable { get; init; }
    public IReadOnlyList<string> Images { get; init; } = [];
    public double PricePerHour { get; init; }

    /// <summary><c>spec.autoscaling</c>, null when the pool has a fixed size.</summary>
    public NodePoolAutoscaling? Autoscaling { get; init; }

    /// <summary>Set when the pool is a multi-host TPU slice: its nodes fail, recover and go away as one unit.</summary>
    public Accelerators.TpuSlice? Slice { get; init; }

    public const string PoolLabel = "ksim.dev/node-pool";
    public const string HostnameLabel = "kubernetes.io/hostname";

    public string NodeName(int index) => $"{Name}-{index}";

    /// <summary>A new node object for <paramref name="index"/>, with the hostname and pool labels added.</summary>
    public Node NewNode(int index) => NodeNamed(NodeName(index));

    /// <summary>A node object from the template under any name (the Cluster Autoscaler's <c>template-node-for-...</c>).</summary>
    public Node NodeNamed(string name)
    {
        var labels = new Dictionary<string, string>(Labels, StringComparer.Ordinal)
        {
            [HostnameLabel] = name,
            [PoolLabel] = Name,
        };
        var node = new Node
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "", Labels = labels, Annotations = Annotations },
            Spec = new NodeSpec { Taints = Taints, Unschedulable = Unschedulable },
            Status = new NodeStatus { Capacity = Capacity, Allocatable = Allocatable },
            Pool = Name,
        };
        foreach (var image in Images) node.Status.Images.Add(image);
        return node;
    }
}
