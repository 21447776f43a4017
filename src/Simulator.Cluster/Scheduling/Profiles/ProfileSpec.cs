using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// One plugin of a profile: where it runs (<see cref="ExtensionPoints.All"/> = every point it
/// implements, KubeSchedulerConfiguration's multiPoint) and its score weight (0 = the default, 1).
/// </summary>
public sealed record PluginEntry(string Name, int Weight = 0, ExtensionPoints At = ExtensionPoints.All);

/// <summary>
/// What a profile is, before it is built: its plugins in order with the points they run at and
/// their weights, their args, and percentageOfNodesToScore. Built-in profiles and
/// KubeSchedulerConfiguration profiles are both specs, derived from <see cref="DefaultProfile.Spec"/>
/// the way kube-scheduler merges a configuration into its defaults (<see cref="Disable"/>, then
/// <see cref="Enable"/>). <see cref="ProfileBuilder"/> turns a spec into a
/// <see cref="SchedulerProfile"/>.
/// </summary>
public sealed record ProfileSpec
{
    /// <summary>The profile's schedulerName.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<PluginEntry> Plugins { get; init; } = [];

    public IReadOnlyDictionary<string, PluginArgs> Args { get; init; } = new Dictionary<string, PluginArgs>(StringComparer.Ordinal);

    /// <summary>0 = adaptive (kube-scheduler's default); 100 = examine every node.</summary>
    public int PercentageOfNodesToScore { get; init; }

    /// <summary>Takes <paramref name="name"/> ("*" = every plugin) off the given points.</summary>
    public ProfileSpec Disable(string name, ExtensionPoints at = ExtensionPoints.All)
    {
        var list = new List<PluginEntry>(Plugins.Count);
        foreach (var p in Plugins)
        {
            if (name != "*" && p.Name != name) list.Add(p);
            else if ((p.At & ~at) != ExtensionPoints.None) list.Add(p with { At = p.At & ~at });
        }
        return this with { Plugins = list };
    }

    /// <summary>
    /// Adds <paramref name="name"/> at the given points (after the plugins already there), or, if
    /// the profile has it, extends its points and sets its weight when one is given.
    /// </summary>
    public ProfileSpec Enable(string name, int weight = 0, ExtensionPoints at = ExtensionPoints.All)
    {
        var list = new List<PluginEntry>(Plugins.Count + 1);
        bool found = false;
        foreach (var p in Plugins)
        {
            if (p.Name == name && !found)
            {
                found = true;
                list.Add(new PluginEntry(name, weight > 0 ? weight : p.Weight, p.At | at));
            }
            else list.Add(p);
        }
        if (!found) list.Add(new PluginEntry(name, weight, at));
        return this with { Plugins = list };
    }

    /// <summary>Sets one plugin's args (pluginConfig).</summary>
    public ProfileSpec WithArgs(string name, PluginArgs args)
    {
        var map = new Dictionary<string, PluginArgs>(Args, StringComparer.Ordinal) { [name] = args };
        return this with { Args = map };
    }
}
