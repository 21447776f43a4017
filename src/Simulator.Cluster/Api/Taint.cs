namespace Simulator.Cluster.Api;

public enum TaintEffect
{
    NoSchedule,
    PreferNoSchedule,
    NoExecute,
}

/// <summary>A node taint: pods that do not tolerate it are kept off (or evicted, for NoExecute).</summary>
public sealed record Taint(string Key, string Value, TaintEffect Effect)
{
    public override string ToString() => Value.Length == 0 ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
