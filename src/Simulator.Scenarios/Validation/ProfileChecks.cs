using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Profiles;

namespace Simulator.Scenarios.Validation;

/// <summary>Checks on a profile spec that need it built, done once at load as kube-scheduler's framework does at start-up.</summary>
internal static class ProfileChecks
{
    /// <summary>The name of the spec's queue sort plugin, or null with the reason it cannot be built (no queue sort, two of them).</summary>
    public static string? QueueSortOf(ProfileSpec spec, out string? error)
    {
        error = null;
        try
        {
            var context = new ProfileContext(new ResourceIndex(), (_, _) => Status.Success, _ => throw new InvalidOperationException(),
                Cluster.Workloads.Training.ThroughputTable.Default) { Store = new Cluster.Store.ClusterStore(new Engine.Simulation(1)) };
            return ProfileBuilder.Build(spec, context).QueueSort.Name;
        }
        catch (ArgumentException e)
        {
            error = e.Message.Split(" (Parameter", 2)[0];
            return null;
        }
    }
}
