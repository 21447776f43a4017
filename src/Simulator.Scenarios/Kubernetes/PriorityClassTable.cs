using Simulator.Cluster.Api;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>A PriorityClass as the Priority admission plugin uses it.</summary>
/// <param name="DefinedAt">Where it is defined; null for the built-in classes.</param>
internal sealed record PriorityClassInfo(string Name, int Value, bool GlobalDefault, PreemptionPolicy PreemptionPolicy, SourceLine? DefinedAt);

/// <summary>The PriorityClasses of a scenario, including the two every cluster has.</summary>
internal sealed class PriorityClassTable
{
    /// <summary>scheduling/types.go: the largest value a user-defined class may have.</summary>
    public const int HighestUserDefinablePriority = 1_000_000_000;

    public const string SystemPrefix = "system-";

    private readonly Dictionary<string, PriorityClassInfo> _classes = new(StringComparer.Ordinal)
    {
        ["system-cluster-critical"] = new("system-cluster-critical", 2_000_000_000, false, PreemptionPolicy.PreemptLowerPriority, null),
        ["system-node-critical"] = new("system-node-critical", 2_000_001_000, false, PreemptionPolicy.PreemptLowerPriority, null),
    };

    public PriorityClassInfo? GlobalDefault { get; private set; }

    public PriorityClassInfo? Find(string name) => _classes.GetValueOrDefault(name);

    /// <summary>Adds a class; returns the error message if it clashes with one already there.</summary>
    public string? TryAdd(PriorityClassInfo info, ScenarioErrors errors)
    {
        if (_classes.TryGetValue(info.Name, out var existing))
        {
            return existing.DefinedAt is null
                ? $"priorityclasses.scheduling.k8s.io \"{info.Name}\" already exists (it is built in)"
                : $"priorityclasses.scheduling.k8s.io \"{info.Name}\" already exists (first defined at {errors.Describe(existing.DefinedAt)})";
        }
        if (info.GlobalDefault && GlobalDefault is not null)
            return $"PriorityClass {GlobalDefault.Name} is already marked as default. Only one default can exist";
        _classes.Add(info.Name, info);
        if (info.GlobalDefault) GlobalDefault = info;
        return null;
    }
}
