using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Builders;

/// <summary>Builds a one-container pod stating only what a test cares about.</summary>
public sealed class PodBuilder(string name)
{
    private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeSelector = new(StringComparer.Ordinal);
    private readonly List<Toleration> _tolerations = [];
    private readonly List<PreferredSchedulingTerm> _preferred = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly List<TopologySpreadConstraint> _spread = [];
    private readonly List<PodAffinityTerm> _affinity = [];
    private readonly List<WeightedPodAffinityTerm> _preferredAffinity = [];
    private readonly List<PodAffinityTerm> _antiAffinity = [];
    private readonly List<WeightedPodAffinityTerm> _preferredAntiAffinity = [];
    private string _namespace = "default";
    private int _priority;
    private SimDuration? _duration;
    private RequestCost? _requestCost;
    private long _imageSize;
    private string _image = "registry.example/app:1";
    private string _nodeName = "";
    private PreemptionPolicy _preemption = PreemptionPolicy.PreemptLowerPriority;
    private SimDuration _grace = SimDuration.FromSeconds(30);
    // Never rather than Kubernetes' default Always: a test pod with a duration is a batch pod that
    // finishes, whereas under Always the kubelet would restart its container after it exits 0.
    private RestartPolicy _restartPolicy = RestartPolicy.Never;
    private double? _failureRatePerHour;
    private double? _failureProbability;

    public PodBuilder Cpu(string quantity) => Set(ResourceNames.Cpu, quantity);

    public PodBuilder Memory(string quantity) => Set(ResourceNames.Memory, quantity);

    public PodBuilder Gpus(long count) => Resource(ResourceNames.NvidiaGpu, count);

    public PodBuilder Resource(string name, long amount)
    {
        _requests[name] = amount;
        return this;
    }

    public PodBuilder NodeSelector(string key, string value)
    {
        _nodeSelector[key] = value;
        return this;
    }

    public PodBuilder Tolerate(string key, string value = "", TaintEffect? effect = null)
    {
        _tolerations.Add(new Toleration(key, value.Length == 0 ? TolerationOperator.Exists : TolerationOperator.Equal, value, effect));
        return this;
    }

    public PodBuilder Prefer(int weight, string key, string value)
    {
        _preferred.Add(new PreferredSchedulingTerm(weight, new NodeSelectorTerm(
            [new NodeSelectorRequirement(key, NodeSelectorOperator.In, [value])], [])));
        return this;
    }

    public PodBuilder Label(string key, string value)
    {
        _labels[key] = value;
        return this;
    }

    public PodBuilder Namespace(string ns)
    {
        _namespace = ns;
        return this;
    }

    /// <summary>A topology spread constraint over pods labelled <c>app=<paramref name="app"/></c>.</summary>
    public PodBuilder Spread(int maxSkew, string topologyKey, string app, UnsatisfiableConstraintAction action = UnsatisfiableConstraintAction.DoNotSchedule, int minDomains = 1)
    {
        _spread.Add(new TopologySpreadConstraint(maxSkew, topologyKey, action, AppSelector(app), minDomains));
        return this;
    }

    public PodBuilder Spread(TopologySpreadConstraint constraint)
    {
        _spread.Add(constraint);
        return this;
    }

    /// <summary>Required pod affinity to pods labelled <c>app=<paramref name="app"/></c> in the same <paramref name="topologyKey"/> domain.</summary>
    public PodBuilder RequireAffinity(string topologyKey, string app)
    {
        _affinity.Add(Term(topologyKey, app));
        return this;
    }

    public PodBuilder RequireAntiAffinity(string topologyKey, string app)
    {
        _antiAffinity.Add(Term(topologyKey, app));
        return this;
    }

    public PodBuilder PreferAffinity(int weight, string topologyKey, string app)
    {
        _preferredAffinity.Add(new WeightedPodAffinityTerm(weight, Term(topologyKey, app)));
        return this;
    }

    public PodBuilder PreferAntiAffinity(int weight, string topologyKey, string app)
    {
        _preferredAntiAffinity.Add(new WeightedPodAffinityTerm(weight, Term(topologyKey, app)));
        return this;
    }

    private static LabelSelector AppSelector(string app) =>
        LabelSelector.FromLabels(new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = app });

    private static PodAffinityTerm Term(string topologyKey, string app) => new(AppSelector(app), topologyKey, [], null);

    public PodBuilder Priority(int priority)
    {
        _priority = priority;
        return this;
    }

    public PodBuilder NeverPreempt()
    {
        _preemption = PreemptionPolicy.Never;
        return this;
    }

    /// <summary>A serving pod: each request costs <paramref name="cost"/> of CPU (ksim.dev/request-cost).</summary>
    public PodBuilder Serves(string cost)
    {
        _requestCost = new RequestCost(SimDuration.Parse(cost));
        return this;
    }

    public PodBuilder Runs(string duration)
    {
        _duration = SimDuration.Parse(duration);
        return this;
    }

    public PodBuilder Image(string image, long sizeBytes)
    {
        _image = image;
        _imageSize = sizeBytes;
        return this;
    }

    public PodBuilder OnNode(string node)
    {
        _nodeName = node;
        return this;
    }

    public PodBuilder GracePeriod(string duration)
    {
        _grace = SimDuration.Parse(duration);
        return this;
    }

    public PodBuilder Restart(RestartPolicy policy)
    {
        _restartPolicy = policy;
        return this;
    }

    /// <summary>ksim.dev/failure-rate: error exits per hour of running.</summary>
    public PodBuilder FailureRate(double perHour)
    {
        _failureRatePerHour = perHour;
        return this;
    }

    /// <summary>ksim.dev/failure-probability: the chance that a run fails before its duration is up.</summary>
    public PodBuilder FailureProbability(double probability)
    {
        _failureProbability = probability;
        return this;
    }

    private PodBuilder Set(string resource, string quantity)
    {
        Assert.True(Quantity.TryParseFor(resource, quantity, out var v, out var error), error);
        _requests[resource] = v;
        return this;
    }

    public Pod Build()
    {
        var requests = ResourceList.From(_requests);
        return new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = _namespace, Labels = new Dictionary<string, string>(_labels, StringComparer.Ordinal) },
            Spec = new PodSpec
            {
                Containers = [new Container("main", _image, requests, requests)],
                NodeSelector = new Dictionary<string, string>(_nodeSelector),
                Tolerations = [.. _tolerations],
                Affinity = _preferred.Count == 0 ? NodeAffinity.None : new NodeAffinity(null, [.. _preferred]),
                PodAffinity = new PodAffinity([.. _affinity], [.. _preferredAffinity]),
                PodAntiAffinity = new PodAffinity([.. _antiAffinity], [.. _preferredAntiAffinity]),
                TopologySpreadConstraints = [.. _spread],
                Priority = _priority,
                PreemptionPolicy = _preemption,
                NodeName = _nodeName,
                TerminationGracePeriod = _grace,
                RestartPolicy = _restartPolicy,
            },
            Workload = new Workload
            {
                Duration = _duration,
                ImageSizeBytes = _imageSize,
                FailureRatePerHour = _failureRatePerHour,
                FailureProbability = _failureProbability,
                RequestCost = _requestCost,
            },
        };
    }
}
