using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Decisions;

/// <summary>Keeps the decisions of every pod, or of the pods a filter accepts, in the order they were made.</summary>
public sealed class DecisionLog(Func<Pod, bool>? filter = null) : IDecisionRecorder
{
    private readonly List<SchedulingDecision> _decisions = [];

    public IReadOnlyList<SchedulingDecision> Decisions => _decisions;

    public bool ShouldRecord(Pod pod) => filter is null || filter(pod);

    public void Record(SchedulingDecision decision) => _decisions.Add(decision);

    /// <summary>Matches a pod by "namespace/name" or by its name alone (in any namespace).</summary>
    public static Func<Pod, bool> ForPod(string nameOrKey) => nameOrKey.Contains('/')
        ? pod => pod.Key == nameOrKey
        : pod => pod.Metadata.Name == nameOrKey;
}
