using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// Merges one KubeSchedulerConfiguration v1 profile into the default plugins, as kube-scheduler
/// does in two steps:
/// <list type="number">
/// <item>apis/config/v1 mergePluginSet, for <c>multiPoint</c> (where v1 puts every default): with
/// "*" disabled no default stays; otherwise each default stays in place unless disabled, and a
/// default the configuration enables again is replaced in place by the configuration's entry
/// (its weight included: enabling TaintToleration without a weight makes it 1, not 3). The
/// other enabled plugins follow, in order.</item>
/// <item>the framework's expandMultiPointPlugins, for the other points: a plugin disabled at a
/// point (or every plugin, with "*") does not run there; a plugin enabled at a point runs there,
/// and its weight there (1 if not given) wins over its multiPoint weight; a plugin enabled only
/// at a point comes after the multiPoint plugins.</item>
/// </list>
/// One difference: kube-scheduler runs a multiPoint plugin that a point re-enables first at
/// that point; here it keeps its multiPoint place (it matters only for which filter's reason a
/// node reports).
/// </summary>
public static class ConfiguredProfile
{
    /// <summary>The spec for <paramref name="schedulerName"/>: <paramref name="defaults"/> with <paramref name="sets"/> applied, multiPoint first.</summary>
    public static ProfileSpec Merge(ProfileSpec defaults, string schedulerName, IReadOnlyList<PluginSet> sets,
        IReadOnlyDictionary<string, PluginArgs> args, int percentageOfNodesToScore)
    {
        var plugins = new List<PluginEntry>(defaults.Plugins);
        foreach (var set in sets)
            if (set.At == ExtensionPoints.All) plugins = MergeMultiPoint(plugins, set);
        foreach (var set in sets)
            if (set.At != ExtensionPoints.All) ApplyAtPoint(plugins, set);
        var mergedArgs = new Dictionary<string, PluginArgs>(defaults.Args, StringComparer.Ordinal);
        foreach (var (name, a) in args) mergedArgs[name] = a;
        return new ProfileSpec
        {
            Name = schedulerName,
            Plugins = plugins,
            Args = mergedArgs,
            PercentageOfNodesToScore = percentageOfNodesToScore,
        };
    }

    private static List<PluginEntry> MergeMultiPoint(List<PluginEntry> defaults, PluginSet set)
    {
        var merged = new List<PluginEntry>(defaults.Count + set.Enabled.Count);
        var replaced = new bool[set.Enabled.Count];
        if (!set.Disabled.Contains(PluginSet.All))
        {
            foreach (var d in defaults)
            {
                if (set.Disabled.Contains(d.Name)) continue;
                int i = IndexOf(set.Enabled, d.Name);
                if (i < 0) merged.Add(d);
                else
                {
                    merged.Add(new PluginEntry(d.Name, set.Enabled[i].Weight, ExtensionPoints.All));
                    replaced[i] = true;
                }
            }
        }
        for (int i = 0; i < set.Enabled.Count; i++)
            if (!replaced[i]) merged.Add(new PluginEntry(set.Enabled[i].Name, set.Enabled[i].Weight, ExtensionPoints.All));
        return merged;
    }

    private static void ApplyAtPoint(List<PluginEntry> plugins, PluginSet set)
    {
        bool all = set.Disabled.Contains(PluginSet.All);
        for (int i = 0; i < plugins.Count; i++)
            if (all || set.Disabled.Contains(plugins[i].Name)) plugins[i] = plugins[i] with { At = plugins[i].At & ~set.At };
        foreach (var e in set.Enabled)
        {
            int weight = set.At == ExtensionPoints.Score ? Math.Max(e.Weight, 1) : 0;
            int i = plugins.FindIndex(p => p.Name == e.Name);
            if (i < 0) plugins.Add(new PluginEntry(e.Name, weight, set.At));
            else plugins[i] = plugins[i] with { At = plugins[i].At | set.At, Weight = weight > 0 ? weight : plugins[i].Weight };
        }
    }

    private static int IndexOf(IReadOnlyList<EnabledPlugin> enabled, string name)
    {
        for (int i = 0; i < enabled.Count; i++)
            if (enabled[i].Name == name) return i;
        return -1;
    }
}
