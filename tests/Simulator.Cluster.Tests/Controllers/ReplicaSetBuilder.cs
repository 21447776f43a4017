using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Builds an apps/v1 ReplicaSet stating only what a test cares about. Its pods carry the label
/// <c>app=&lt;name&gt;</c> and run one long-lived container "main" requesting 100m CPU.
/// </summary>
public sealed class ReplicaSetBuilder(string name)
{
    private int _replicas = 1;
    private int _minReadySeconds;
    private PodTemplate? _template;

    public ReplicaSetBuilder Replicas(int n)
    {
        _replicas = n;
        return this;
    }

    public ReplicaSetBuilder MinReadySeconds(int seconds)
    {
        _minReadySeconds = seconds;
        return this;
    }

    public ReplicaSetBuilder Template(PodTemplate template)
    {
        _template = template;
        return this;
    }

    public ReplicaSet Build()
    {
        var template = _template ?? Template(name);
        return new ReplicaSet
        {
            Metadata = new ObjectMeta { Name = name, Labels = template.Labels },
            Spec = new ReplicaSetSpec
            {
                Replicas = _replicas,
                Selector = LabelSelector.FromLabels(template.Labels),
                Template = template,
                MinReadySeconds = _minReadySeconds,
            },
        };
    }

    /// <summary>
    /// A pod template labelled <c>app=<paramref name="app"/></c>: one container running until deleted,
    /// its image pulled at the kubelet's 100 MiB/s when <paramref name="imageSize"/> is set.
    /// </summary>
    public static PodTemplate Template(string app, string image = "registry.example/app:1", string cpu = "100m",
        IReadOnlyDictionary<string, string>? nodeSelector = null, string grace = "30s", long imageSize = 0)
    {
        Assert.True(Quantity.TryParseFor(ResourceNames.Cpu, cpu, out var milli, out var error), error);
        var requests = ResourceList.Of((ResourceNames.Cpu, milli));
        return new PodTemplate
        {
            Labels = new Dictionary<string, string> { ["app"] = app },
            Spec = new PodSpec
            {
                Containers = [new Container("main", image, requests, requests)],
                NodeSelector = nodeSelector ?? ObjectMeta.EmptyMap,
                TerminationGracePeriod = SimDuration.Parse(grace),
            },
            Workload = new Workload { ImageSizeBytes = imageSize },
        };
    }
}
