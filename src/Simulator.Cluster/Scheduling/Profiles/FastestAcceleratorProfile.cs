using Simulator.Cluster.Scheduling.Plugins;

namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>
/// The default profile plus <see cref="FastestAccelerator"/>: a training pod goes to the feasible
/// accelerator type that trains its model fastest; among nodes of equally fast types (and for
/// pods that do not train) the default scores decide as before.
/// </summary>
public static class FastestAcceleratorProfile
{
    public const string Name = "fastest-accelerator";

    public static ProfileSpec Spec { get; } = (DefaultProfile.Spec with { Name = Name })
        .Enable(FastestAccelerator.PluginName, DominantWeight(DefaultProfile.Spec));

    /// <summary>
    /// One more than the most the other plugins can add up to (each scores at most 100, times its
    /// weight: 1101 with the default profile's weights 3 + 2 + 1 + 2 + 2 + 1). A single point of
    /// accelerator score, about 1 % of the fastest type's throughput, then outweighs every other
    /// preference combined, so the faster type always wins; spreading and packing only break ties.
    /// (Above the 1-100 a KubeSchedulerConfiguration allows, which is why it is a built-in.)
    /// </summary>
    private static int DominantWeight(ProfileSpec others)
    {
        long total = 0;
        // Every score plugin of the default spec has its weight written out.
        foreach (var p in others.Plugins)
            if ((p.At & Framework.ExtensionPoints.Score) != 0) total += p.Weight * ScoreNormalizer.MaxNodeScore;
        return (int)(total + 1);
    }
}
