namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>A score plugin with its weight in the node's total.</summary>
public readonly record struct WeightedScorePlugin(IScorePlugin Plugin, int Weight);

/// <summary>
/// A scheduling profile: the plugins enabled at each extension point, in order, with score
/// weights (KubeSchedulerConfiguration's profiles[]). A record, so that a profile built on another
/// says only what it changes. Profiles are usually built from a <see cref="Profiles.ProfileSpec"/>.
/// </summary>
public sealed record SchedulerProfile
{
    public required string Name { get; init; }
    public required IQueueSortPlugin QueueSort { get; init; }
    public IReadOnlyList<IPreFilterPlugin> PreFilters { get; init; } = [];
    public IReadOnlyList<IFilterPlugin> Filters { get; init; } = [];
    public IReadOnlyList<IPostFilterPlugin> PostFilters { get; init; } = [];
    public IReadOnlyList<IPreScorePlugin> PreScores { get; init; } = [];
    public IReadOnlyList<WeightedScorePlugin> Scores { get; init; } = [];
    public IReadOnlyList<IReservePlugin> Reserves { get; init; } = [];
    public IReadOnlyList<IPermitPlugin> Permits { get; init; } = [];

    /// <summary>0 = adaptive (kube-scheduler's default); 100 = examine every node.</summary>
    public int PercentageOfNodesToScore { get; init; }

    /// <summary>Events that can help a pod rejected by the given plugins.</summary>
    public ClusterEventKind EventsFor(IReadOnlyCollection<string> rejectingPlugins)
    {
        var kinds = ClusterEventKind.None;
        foreach (var f in Filters)
        {
            if (f is IEnqueueExtensions e && Contains(rejectingPlugins, f.Name)) kinds |= e.EventsToRegister;
        }
        foreach (var p in PreFilters)
        {
            if (p is IEnqueueExtensions e && Contains(rejectingPlugins, p.Name)) kinds |= e.EventsToRegister;
        }
        foreach (var p in Permits)
        {
            if (p is IEnqueueExtensions e && Contains(rejectingPlugins, p.Name)) kinds |= e.EventsToRegister;
        }
        return kinds;
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (var n in names)
            if (n == name) return true;
        return false;
    }
}
