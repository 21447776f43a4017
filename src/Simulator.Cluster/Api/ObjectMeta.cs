using Simulator.Engine;

namespace Simulator.Cluster.Api;

/// <summary>The metadata every stored object carries, as in Kubernetes' metav1.ObjectMeta.</summary>
public sealed class ObjectMeta
{
    public required string Name { get; init; }
    public string Namespace { get; init; } = "default";
    public string Uid { get; set; } = "";
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap;
    public SimTime CreationTimestamp { get; set; }
    public SimTime? DeletionTimestamp { get; set; }
    public long ResourceVersion { get; set; }

    public static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();

    /// <summary>"namespace/name", the key Kubernetes' caches use.</summary>
    public string Key => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}
