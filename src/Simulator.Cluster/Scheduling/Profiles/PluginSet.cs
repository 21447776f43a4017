using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>A plugin a KubeSchedulerConfiguration enables, with its weight (0 = not given).</summary>
public readonly record struct EnabledPlugin(string Name, int Weight = 0);

/// <summary>
/// One extension point of a KubeSchedulerConfiguration profile's <c>plugins</c>: the plugins it
/// enables, in order, and the ones it disables ("*" = every default at that point).
/// <see cref="At"/> is the point; <see cref="ExtensionPoints.All"/> stands for <c>multiPoint</c>.
/// </summary>
public sealed record PluginSet(ExtensionPoints At, IReadOnlyList<EnabledPlugin> Enabled, IReadOnlyList<string> Disabled)
{
    public const string All = "*";
}
