namespace Simulator.Cluster.Api;

public enum TolerationOperator
{
    Equal,
    Exists,
}

/// <summary>A pod's toleration of node taints (core/v1 Toleration).</summary>
public sealed record Toleration(
    string Key,
    TolerationOperator Operator,
    string Value,
    TaintEffect? Effect,
    long? TolerationSeconds = null)
{
    /// <summary>
    /// Kubernetes' ToleratesTaint: an empty effect matches every effect, an empty key with
    /// Exists matches every taint, Equal compares values.
    /// </summary>
    public bool Tolerates(Taint taint)
    {
        if (Effect is { } effect && effect != taint.Effect) return false;
        if (Key.Length > 0 && Key != taint.Key) return false;
        return Operator == TolerationOperator.Exists || Value == taint.Value;
    }

    public static bool AnyTolerates(IReadOnlyList<Toleration> tolerations, Taint taint)
    {
        for (int i = 0; i < tolerations.Count; i++)
            if (tolerations[i].Tolerates(taint)) return true;
        return false;
    }
}
