using Simulator.Engine;

namespace Simulator.Cluster.Api;

public enum NodeConditionType
{
    Ready,
    MemoryPressure,
    DiskPressure,
    PIDPressure,
    NetworkUnavailable,
}

public sealed record NodeCondition(NodeConditionType Type, ConditionStatus Status, SimTime LastTransitionTime, string Reason = "", string Message = "");

/// <summary>The simulated parts of core/v1 NodeSpec.</summary>
public sealed class NodeSpec
{
    public bool Unschedulable { get; set; }
    public IReadOnlyList<Taint> Taints { get; set; } = [];
    public string PodCidr { get; set; } = "";
}

/// <summary>The simulated parts of core/v1 NodeStatus.</summary>
public sealed class NodeStatus
{
    public ResourceList Capacity { get; set; } = ResourceList.Empty;
    public ResourceList Allocatable { get; set; } = ResourceList.Empty;
    public List<NodeCondition> Conditions { get; } = [];

    /// <summary>
    /// When the kubelet stopped renewing its lease, or null while it heartbeats. ksim does not
    /// simulate each renewal (every 10 s per node); the node lifecycle controller reads this instead.
    /// </summary>
    public SimTime? HeartbeatStoppedAt { get; set; }

    /// <summary>Images already on the node's disk (pre-pulled or pulled by earlier pods).</summary>
    public HashSet<string> Images { get; } = new(StringComparer.Ordinal);

    public bool IsReady()
    {
        foreach (var c in Conditions)
            if (c.Type == NodeConditionType.Ready) return c.Status == ConditionStatus.True;
        return false;
    }

    public void SetCondition(NodeConditionType type, ConditionStatus status, SimTime now, string reason = "", string message = "")
    {
        for (int i = 0; i < Conditions.Count; i++)
        {
            if (Conditions[i].Type != type) continue;
            var since = Conditions[i].Status == status ? Conditions[i].LastTransitionTime : now;
            Conditions[i] = new NodeCondition(type, status, since, reason, message);
            return;
        }
        Conditions.Add(new NodeCondition(type, status, now, reason, message));
    }
}

/// <summary>A node, as stored by the simulated API server.</summary>
public sealed class Node : IApiObject
{
    public string Kind => "Node";

    private IReadOnlyDictionary<string, string>? _fieldSet;

    public required ObjectMeta Metadata { get; init; }
    public NodeSpec Spec { get; init; } = new();
    public NodeStatus Status { get; init; } = new();

    /// <summary>The node pool it came from, if any (ksim.dev NodePool).</summary>
    public string Pool { get; init; } = "";

    public string Name => Metadata.Name;

    /// <summary>Fields a node selector's matchFields can test: only metadata.name in Kubernetes.</summary>
    public IReadOnlyDictionary<string, string> FieldSet =>
        _fieldSet ??= new Dictionary<string, string> { ["metadata.name"] = Metadata.Name };

    public override string ToString() => Name;
}
