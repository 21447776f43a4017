using System.Globalization;
using Simulator.Cluster.Api;

namespace Simulator.Cluster.Controllers;

/// <summary>
/// The annotations the Deployment controller keeps on its ReplicaSets (deployment/util):
/// which revision each one is, and the Deployment's size when it was last scaled, which is what
/// tells a later resize (proportional scaling) apart from a rollout.
/// </summary>
internal static class DeploymentAnnotations
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";

    /// <summary>
    /// The annotation map of a ReplicaSet this controller created. Object metadata maps are
    /// read-only views and may be shared (an empty map is one static object), so only a map of
    /// this type, which the controller made itself, is ever written to.
    /// </summary>
    public sealed class Owned : Dictionary<string, string>
    {
        public Owned() : base(StringComparer.Ordinal)
        {
        }
    }

    /// <summary>The revision number; 0 when missing or unparsable (deploymentutil.Revision).</summary>
    public static long RevisionOf(ReplicaSet rs) =>
        rs.Metadata.Annotations.TryGetValue(Revision, out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    public static int? IntOf(ReplicaSet rs, string key) =>
        rs.Metadata.Annotations.TryGetValue(key, out var text)
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>SetReplicasAnnotations: returns true if either value changed.</summary>
    public static bool SetReplicas(ReplicaSet rs, int desired, int max) =>
        Set(rs, DesiredReplicas, desired.ToString(CultureInfo.InvariantCulture))
        | Set(rs, MaxReplicas, max.ToString(CultureInfo.InvariantCulture));

    /// <summary>ReplicasAnnotationsNeedUpdate.</summary>
    public static bool ReplicasNeedUpdate(ReplicaSet rs, int desired, int max) =>
        IntOf(rs, DesiredReplicas) != desired || IntOf(rs, MaxReplicas) != max;

    /// <summary>
    /// SetNewReplicaSetAnnotations for an existing ReplicaSet: its revision only ever rises; when it
    /// does (a rollback to this template), the revision it had is kept in the revision history.
    /// </summary>
    public static bool RaiseRevision(ReplicaSet rs, long newRevision)
    {
        long old = RevisionOf(rs);
        if (old >= newRevision) return false;
        if (rs.Metadata.Annotations is not Owned map) return false;
        if (map.TryGetValue(Revision, out var oldText))
            map[RevisionHistory] = map.TryGetValue(RevisionHistory, out var h) && h.Length > 0 ? h + "," + oldText : oldText;
        map[Revision] = newRevision.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static bool Set(ReplicaSet rs, string key, string value)
    {
        if (rs.Metadata.Annotations is not Owned map) return false;
        if (map.TryGetValue(key, out var existing) && existing == value) return false;
        map[key] = value;
        return true;
    }
}
