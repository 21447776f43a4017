using System.Globalization;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// A Deployment's revisions: one ReplicaSet per distinct pod template, the one matching the
/// current template being "new" and the rest "old", numbered by the
/// <c>deployment.kubernetes.io/revision</c> annotation.
/// </summary>
internal static class Revisions
{
    /// <summary>ReplicaSetsByCreationTimestamp: oldest first, then by name.</summary>
    public static readonly Comparison<ReplicaSet> ByAge = static (a, b) =>
    {
        int c = a.Metadata.CreationTimestamp.CompareTo(b.Metadata.CreationTimestamp);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    };

    /// <summary>ReplicaSetsByRevision: lowest revision first (a missing one is 0), equal revisions by age.</summary>
    public static readonly Comparison<ReplicaSet> ByRevision = static (a, b) =>
    {
        long ra = DeploymentAnnotations.RevisionOf(a), rb = DeploymentAnnotations.RevisionOf(b);
        return ra != rb ? ra.CompareTo(rb) : ByAge(a, b);
    };

    /// <summary>
    /// FindNewReplicaSet / FindOldReplicaSets over ReplicaSets sorted by age: the oldest one whose
    /// template equals the Deployment's (ignoring the hash label) is new; all others are old.
    /// </summary>
    public static (ReplicaSet? New, List<ReplicaSet> Old) Split(Deployment d, List<ReplicaSet> byAge)
    {
        ReplicaSet? newRs = null;
        var old = new List<ReplicaSet>(byAge.Count);
        foreach (var rs in byAge)
        {
            if (newRs is null && TemplateHash.EqualIgnoreHash(rs.Spec.Template, d.Spec.Template)) newRs = rs;
            else old.Add(rs);
        }
        return (newRs, old);
    }

    /// <summary>The new revision number: one above the highest old one.</summary>
    public static long Next(IEnumerable<ReplicaSet> oldRs)
    {
        long max = 0;
        foreach (var rs in oldRs) max = Math.Max(max, DeploymentAnnotations.RevisionOf(rs));
        return max + 1;
    }

    /// <summary>
    /// The ReplicaSet for the Deployment's current template, not yet stored and sized 0:
    /// named <c>&lt;deployment&gt;-&lt;hash&gt;</c>, with <c>pod-template-hash=&lt;hash&gt;</c> added to
    /// its labels, its selector and its template's labels (so to every pod it creates), the
    /// Deployment as controlling owner, and its revision and size annotations.
    /// </summary>
    public static ReplicaSet NewReplicaSet(Deployment d, int collisionCount, long revision, int maxSurge)
    {
        var t = d.Spec.Template;
        var hash = TemplateHash.Compute(t, collisionCount);
        var labels = new Dictionary<string, string>(t.Labels, StringComparer.Ordinal) { [TemplateHash.Label] = hash };
        var matchLabels = new Dictionary<string, string>(d.Spec.Selector.MatchLabels, StringComparer.Ordinal) { [TemplateHash.Label] = hash };
        var annotations = new DeploymentAnnotations.Owned
        {
            [DeploymentAnnotations.Revision] = revision.ToString(CultureInfo.InvariantCulture),
            [DeploymentAnnotations.DesiredReplicas] = d.Spec.Replicas.ToString(CultureInfo.InvariantCulture),
            [DeploymentAnnotations.MaxReplicas] = (d.Spec.Replicas + maxSurge).ToString(CultureInfo.InvariantCulture),
        };
        return new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = d.Name + "-" + hash,
                Namespace = d.Metadata.Namespace,
                Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal),
                Annotations = annotations,
                OwnerReferences = [new OwnerReference(d.Kind, d.Name, d.Metadata.Uid, Controller: true)],
            },
            Spec = new ReplicaSetSpec
            {
                Replicas = 0,
                Selector = new LabelSelector(matchLabels, d.Spec.Selector.MatchExpressions),
                Template = new PodTemplate { Labels = labels, Annotations = t.Annotations, Spec = t.Spec, Workload = t.Workload },
                MinReadySeconds = d.Spec.MinReadySeconds,
            },
        };
    }
}
