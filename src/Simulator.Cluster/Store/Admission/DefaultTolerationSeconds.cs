using Simulator.Cluster.Api;

namespace Simulator.Cluster.Store.Admission;

/// <summary>
/// The DefaultTolerationSeconds admission plugin: every pod that does not already tolerate them
/// gets NoExecute tolerations of 300 s for node.kubernetes.io/not-ready and
/// node.kubernetes.io/unreachable, which is why pods leave a dead node 5 minutes after its taint.
/// </summary>
public static class DefaultTolerationSeconds
{
    public const string NotReadyTaint = "node.kubernetes.io/not-ready";
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";
    public const long Seconds = 300;

    public static void Admit(Pod pod)
    {
        var tolerations = pod.Spec.Tolerations;
        bool notReady = Tolerates(tolerations, NotReadyTaint);
        bool unreachable = Tolerates(tolerations, UnreachableTaint);
        if (notReady && unreachable) return;
        var added = new List<Toleration>(tolerations);
        if (!notReady) added.Add(new Toleration(NotReadyTaint, TolerationOperator.Exists, "", TaintEffect.NoExecute, Seconds));
        if (!unreachable) added.Add(new Toleration(UnreachableTaint, TolerationOperator.Exists, "", TaintEffect.NoExecute, Seconds));
        pod.Spec.Tolerations = added;
    }

    /// <summary>Kubernetes checks whether an existing toleration already covers the taint's key with NoExecute (or any effect).</summary>
    private static bool Tolerates(IReadOnlyList<Toleration> tolerations, string key) =>
        Toleration.AnyTolerates(tolerations, new Taint(key, "", TaintEffect.NoExecute));
}
