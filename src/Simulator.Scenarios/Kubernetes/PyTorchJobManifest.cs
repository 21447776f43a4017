using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// The typed view of a kubeflow.org/v1 PyTorchJob that KubernetesClient's deserializer fills in
/// (KubernetesClient has no model for it). Only the metadata and the pod templates are taken
/// from it, as V1 objects for <see cref="ManifestMetadata"/> and <see cref="PodTemplateReader"/>;
/// the job's own fields are read and checked from the source tree by <see cref="PyTorchJobReader"/>
/// first, so here they are loose values that never fail.
/// </summary>
internal sealed class PyTorchJobManifest : IMetadata<V1ObjectMeta>, ISpec<PyTorchJobManifestSpec>
{
    [JsonPropertyName("apiVersion")]
    public string? ApiVersion { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = null!;

    [JsonPropertyName("spec")]
    public PyTorchJobManifestSpec Spec { get; set; } = null!;
}

internal sealed class PyTorchJobManifestSpec
{
    [JsonPropertyName("pytorchReplicaSpecs")]
    public IDictionary<string, PyTorchReplicaManifest>? PytorchReplicaSpecs { get; set; }

    [JsonPropertyName("runPolicy")]
    public object? RunPolicy { get; set; }

    [JsonPropertyName("nprocPerNode")]
    public object? NprocPerNode { get; set; }
}

internal sealed class PyTorchReplicaManifest
{
    [JsonPropertyName("replicas")]
    public object? Replicas { get; set; }

    [JsonPropertyName("restartPolicy")]
    public object? RestartPolicy { get; set; }

    [JsonPropertyName("template")]
    public V1PodTemplateSpec? Template { get; set; }
}
