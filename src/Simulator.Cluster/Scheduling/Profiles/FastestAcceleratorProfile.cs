using Simulator.Cluster.Scheduling.Framework;
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

    public static SchedulerProfile Create(ProfileContext context)
    {
        var profile = DefaultProfile.Create(context);
        var fastest = new FastestAccelerator(context.Throughput);
        return profile with
        {
            Name = Name,
            PreScores = [.. profile.PreScores, fastest],
            Scores = [.. profile.Scores, new WeightedScorePlugin(fastest, DominantWeight(profile.Scores))],
        };
    }

    /// <summary>
    /// One more than the most the other plugins can add up to (each scores at most 100, times its
    /// weight: 701 with the default profile's weights 3 + 2 + 1 + 1). A single point of
    /// accelerator score, about 1 % of the fastest type's throughput, then outweighs every other
    /// preference combined, so the faster type always wins; spreading and packing only break ties.
    /// </summary>
    private static int DominantWeight(IReadOnlyList<WeightedScorePlugin> others)
    {
        long total = 0;
        foreach (var s in others) total += s.Weight * ScoreNormalizer.MaxNodeScore;
        return (int)(total + 1);
    }
}
