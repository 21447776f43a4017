using Simulator.Cluster.Api;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Builds an apps/v1 Deployment stating only what a test cares about: selector <c>app=&lt;name&gt;</c>,
/// the RollingUpdate 25 %/25 % default strategy, pods from <see cref="ReplicaSetBuilder.Template"/>.
/// </summary>
public sealed class DeploymentBuilder(string name)
{
    private int _replicas = 1;
    private int _minReadySeconds;
    private int _historyLimit = 10;
    private DeploymentStrategy _strategy = DeploymentStrategy.Default;
    private PodTemplate? _template;

    public DeploymentBuilder Replicas(int n)
    {
        _replicas = n;
        return this;
    }

    public DeploymentBuilder MinReadySeconds(int seconds)
    {
        _minReadySeconds = seconds;
        return this;
    }

    public DeploymentBuilder RevisionHistoryLimit(int n)
    {
        _historyLimit = n;
        return this;
    }

    public DeploymentBuilder RollingUpdate(IntOrPercent maxSurge, IntOrPercent maxUnavailable)
    {
        _strategy = new DeploymentStrategy(DeploymentStrategyType.RollingUpdate, maxSurge, maxUnavailable);
        return this;
    }

    public DeploymentBuilder Recreate()
    {
        _strategy = DeploymentStrategy.Default with { Type = DeploymentStrategyType.Recreate };
        return this;
    }

    public DeploymentBuilder Template(PodTemplate template)
    {
        _template = template;
        return this;
    }

    public Deployment Build()
    {
        var template = _template ?? ReplicaSetBuilder.Template(name);
        return new Deployment
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new DeploymentSpec
            {
                Replicas = _replicas,
                Selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = name }),
                Template = template,
                Strategy = _strategy,
                MinReadySeconds = _minReadySeconds,
                RevisionHistoryLimit = _historyLimit,
            },
        };
    }
}
