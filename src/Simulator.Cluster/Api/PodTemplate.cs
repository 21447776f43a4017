namespace Simulator.Cluster.Api;

/// <summary>
/// core/v1 PodTemplateSpec: what a controller stamps its pods from. Each call to
/// <see cref="NewPod"/> gives a fresh object, since a pod's spec and status change once it exists.
/// </summary>
public sealed class PodTemplate
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = ObjectMeta.EmptyMap;
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ObjectMeta.EmptyMap;
    public required PodSpec Spec { get; init; }
    public Workload Workload { get; init; } = Workload.Default;

    public Pod NewPod(string name, string ns, OwnerReference owner, IReadOnlyDictionary<string, string>? extraLabels = null,
        IReadOnlyDictionary<string, string>? extraAnnotations = null)
    {
        var labels = extraLabels is null ? Labels : Merge(Labels, extraLabels);
        var annotations = extraAnnotations is null ? Annotations : Merge(Annotations, extraAnnotations);
        return new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels, Annotations = annotations, OwnerReferences = [owner] },
            Spec = Spec.Copy(),
            Workload = Workload,
        };
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var merged = new Dictionary<string, string>(a, StringComparer.Ordinal);
        foreach (var (k, v) in b) merged[k] = v;
        return merged;
    }
}
