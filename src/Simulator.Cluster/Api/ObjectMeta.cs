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
    public IReadOnlyList<OwnerReference> OwnerReferences { get; init; } = [];
    public SimTime CreationTimestamp { get; set; }
    public SimTime? DeletionTimestamp { get; set; }

    /// <summary>
    /// metadata.deletionGracePeriodSeconds: the grace period a delete request asked for, when it
    /// overrode the pod's own (an eviction's DeleteOptions.GracePeriodSeconds); null otherwise.
    /// </summary>
    public SimDuration? DeletionGracePeriod { get; set; }
    public long ResourceVersion { get; set; }

    public static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();

    /// <summary>The owner with controller=true, if any (metav1.GetControllerOf).</summary>
    public OwnerReference? Controller
    {
        get
        {
            foreach (var o in OwnerReferences)
                if (o.Controller) return o;
            return null;
        }
    }

    /// <summary>"namespace/name", the key Kubernetes' caches use.</summary>
    public string Key => Namespace.Length == 0 ? Name : Namespace + "/" + Name;
}
