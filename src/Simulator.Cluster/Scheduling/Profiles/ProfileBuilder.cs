using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// Turns a <see cref="ProfileSpec"/> into a runnable <see cref="SchedulerProfile"/>: one instance
/// per plugin (shared by all the points it runs at, so that PreScore state reaches Score), placed
/// at each point it both implements and is enabled for, in the spec's order.
/// </summary>
public static class ProfileBuilder
{
    public static SchedulerProfile Build(ProfileSpec spec, ProfileContext context)
    {
        IQueueSortPlugin? queueSort = null;
        var preFilters = new List<IPreFilterPlugin>();
        var filters = new List<IFilterPlugin>();
        var postFilters = new List<IPostFilterPlugin>();
        var preScores = new List<IPreScorePlugin>();
        var scores = new List<WeightedScorePlugin>();
        var reserves = new List<IReservePlugin>();
        var permits = new List<IPermitPlugin>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in spec.Plugins)
        {
            if (entry.At == ExtensionPoints.None) continue;
            if (!seen.Add(entry.Name))
                throw new ArgumentException($"profile \"{spec.Name}\": plugin \"{entry.Name}\" is listed twice", nameof(spec));
            var plugin = PluginRegistry.Create(entry.Name, context, spec.Args.GetValueOrDefault(entry.Name));
            var at = entry.At;
            if (plugin is IQueueSortPlugin q && (at & ExtensionPoints.QueueSort) != 0)
            {
                if (queueSort is not null)
                    throw new ArgumentException($"profile \"{spec.Name}\": only one queueSort plugin may be enabled, got {queueSort.Name} and {q.Name}", nameof(spec));
                queueSort = q;
            }
            if (plugin is IPreFilterPlugin pf && (at & ExtensionPoints.PreFilter) != 0) preFilters.Add(pf);
            if (plugin is IFilterPlugin f && (at & ExtensionPoints.Filter) != 0) filters.Add(f);
            if (plugin is IPostFilterPlugin post && (at & ExtensionPoints.PostFilter) != 0) postFilters.Add(post);
            if (plugin is IPreScorePlugin ps && (at & ExtensionPoints.PreScore) != 0) preScores.Add(ps);
            if (plugin is IScorePlugin s && (at & ExtensionPoints.Score) != 0) scores.Add(new WeightedScorePlugin(s, entry.Weight > 0 ? entry.Weight : 1));
            if (plugin is IReservePlugin r && (at & ExtensionPoints.Reserve) != 0) reserves.Add(r);
            if (plugin is IPermitPlugin p && (at & ExtensionPoints.Permit) != 0) permits.Add(p);
        }

        return new SchedulerProfile
        {
            Name = spec.Name,
            QueueSort = queueSort ?? throw new ArgumentException($"profile \"{spec.Name}\" has no queueSort plugin", nameof(spec)),
            PreFilters = preFilters,
            Filters = filters,
            PostFilters = postFilters,
            PreScores = preScores,
            Scores = scores,
            Reserves = reserves,
            Permits = permits,
            PercentageOfNodesToScore = spec.PercentageOfNodesToScore,
        };
    }
}
