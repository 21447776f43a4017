using System.Globalization;
using System.Text;
using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Scheduling.Profiles;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// Prints profile specs (built-in or configured) as one KubeSchedulerConfiguration v1 document
/// that <see cref="KubeSchedulerConfigurationReader"/> reads back into equal specs. Each profile
/// is written as what it changes in kube-scheduler's defaults, the way people write them:
/// multiPoint disables the defaults it drops, re-enables the ones whose weight changes (in
/// place) and enables its own plugins after them; per-point <c>disabled</c> lists take a plugin
/// off single points. A profile whose plugins do not keep the defaults' order is written whole
/// (multiPoint with "*" disabled).
/// </summary>
public static class KubeSchedulerConfigurationWriter
{
    public static string Write(IEnumerable<ProfileSpec> profiles)
    {
        var w = new StringBuilder();
        w.Append("apiVersion: ").Append(KubeSchedulerConfigurationReader.ApiVersion).Append('\n');
        w.Append("kind: KubeSchedulerConfiguration\n");
        w.Append("profiles:\n");
        foreach (var spec in profiles) WriteProfile(w, spec);
        return w.ToString();
    }

    private static void WriteProfile(StringBuilder w, ProfileSpec spec)
    {
        w.Append("- schedulerName: ").Append(spec.Name).Append('\n');
        if (spec.PercentageOfNodesToScore != 0)
            w.Append("  percentageOfNodesToScore: ").Append(Num(spec.PercentageOfNodesToScore)).Append('\n');

        var (enabled, disabled) = MultiPointDiff(spec.Plugins, DefaultProfile.Spec.Plugins);
        var sections = new StringBuilder();
        Section(sections, "multiPoint", enabled, disabled);
        foreach (var (field, at) in SchedulerConfigurationPoints.Single)
        {
            var off = spec.Plugins.Where(p => (p.At & at) == 0).Select(p => p.Name).ToList();
            Section(sections, field, [], off);
        }
        if (sections.Length > 0) w.Append("  plugins:\n").Append(sections);

        if (spec.Args.Count == 0) return;
        w.Append("  pluginConfig:\n");
        foreach (var (name, args) in spec.Args.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.Append("  - name: ").Append(name).Append('\n');
            w.Append("    args:\n");
            WriteArgs(w, name, args);
        }
    }

    /// <summary>
    /// What multiPoint must say so that mergePluginSet turns <paramref name="defaults"/> into
    /// <paramref name="plugins"/> (points aside): possible when the defaults kept are in their
    /// order and come before every added plugin; otherwise "*" and the whole list.
    /// </summary>
    private static (List<PluginEntry> Enabled, List<string> Disabled) MultiPointDiff(IReadOnlyList<PluginEntry> plugins, IReadOnlyList<PluginEntry> defaults)
    {
        int lastDefault = -1;
        bool added = false;
        foreach (var p in plugins)
        {
            int at = IndexOf(defaults, p.Name, 0);
            if (at < 0) added = true;
            else if (added || at < lastDefault) return ([.. plugins], [PluginSet.All]); // out of the defaults' order
            else lastDefault = at;
        }
        var disabled = defaults.Where(d => IndexOf(plugins, d.Name, 0) < 0).Select(d => d.Name).ToList();
        var enabled = new List<PluginEntry>();
        foreach (var p in plugins)
        {
            int at = IndexOf(defaults, p.Name, 0);
            if (at < 0 || defaults[at].Weight != p.Weight) enabled.Add(p);
        }
        return (enabled, disabled);
    }

    private static int IndexOf(IReadOnlyList<PluginEntry> list, string name, int from)
    {
        for (int i = from; i < list.Count; i++)
            if (list[i].Name == name) return i;
        return -1;
    }

    private static void Section(StringBuilder w, string field, IReadOnlyList<PluginEntry> enabled, IReadOnlyList<string> disabled)
    {
        if (enabled.Count == 0 && disabled.Count == 0) return;
        w.Append("    ").Append(field).Append(":\n");
        if (enabled.Count > 0)
        {
            w.Append("      enabled:\n");
            foreach (var p in enabled)
            {
                w.Append("      - name: ").Append(p.Name).Append('\n');
                if (p.Weight != 0) w.Append("        weight: ").Append(Num(p.Weight)).Append('\n');
            }
        }
        if (disabled.Count > 0)
        {
            w.Append("      disabled:\n");
            foreach (var name in disabled) w.Append("      - name: ").Append(name == PluginSet.All ? "\"*\"" : name).Append('\n');
        }
    }

    private static void WriteArgs(StringBuilder w, string plugin, PluginArgs args)
    {
        if (args is PodTopologySpreadArgs spread)
        {
            w.Append("      defaultingType: ").Append(spread.DefaultingType.ToString()).Append('\n');
            if (spread.DefaultConstraints.Count == 0) return;
            w.Append("      defaultConstraints:\n");
            foreach (var c in spread.DefaultConstraints)
            {
                w.Append("      - maxSkew: ").Append(Num(c.MaxSkew)).Append('\n');
                w.Append("        topologyKey: ").Append(c.TopologyKey).Append('\n');
                w.Append("        whenUnsatisfiable: ").Append(c.WhenUnsatisfiable.ToString()).Append('\n');
            }
            return;
        }
        if (args is GpuShareArgs gpus)
        {
            w.Append("      ").Append(GpuShareArgsReader.SelectionField).Append(": ").Append(gpus.Selection.ToString()).Append('\n');
            return;
        }
        if (args is not NodeResourcesFitArgs fit)
            throw new ArgumentException($"no KubeSchedulerConfiguration form for {plugin}'s args ({args.GetType().Name})", nameof(args));
        w.Append("      scoringStrategy:\n");
        w.Append("        type: ").Append(fit.Type.ToString()).Append('\n');
        w.Append("        resources:\n");
        foreach (var r in fit.Resources)
            w.Append("        - name: ").Append(r.Name).Append('\n').Append("          weight: ").Append(Num(r.Weight)).Append('\n');
        if (fit.Shape is null) return;
        w.Append("        requestedToCapacityRatio:\n");
        w.Append("          shape:\n");
        foreach (var p in fit.Shape)
            w.Append("          - utilization: ").Append(Num(p.Utilization)).Append('\n').Append("            score: ").Append(Num(p.Score)).Append('\n');
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
