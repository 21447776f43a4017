using Simulator.Cluster.Api;

namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// Cluster-wide counts of the pods the cache accounts that have pod (anti-)affinity, kept by the
/// nodes as pods come and go. InterPodAffinity reads them to skip a plain pod in O(1) when no
/// pod in the cluster has affinity (kube-scheduler keeps HavePodsWithAffinityList and
/// HavePodsWithRequiredAntiAffinityList in its snapshot for the same reason).
/// </summary>
public sealed class PodAffinityTally
{
    /// <summary>Pods with any pod affinity or anti-affinity term.</summary>
    public int WithAffinity { get; private set; }

    /// <summary>Pods with a required anti-affinity term.</summary>
    public int WithRequiredAntiAffinity { get; private set; }

    public void Add(int delta, bool requiredAntiAffinity)
    {
        WithAffinity += delta;
        if (requiredAntiAffinity) WithRequiredAntiAffinity += delta;
    }

    public static bool HasAffinity(Pod pod) => !pod.Spec.PodAffinity.IsEmpty || !pod.Spec.PodAntiAffinity.IsEmpty;
}
