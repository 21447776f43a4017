using Simulator.Cluster.Scheduling.Profiles;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// Scheduler profile names a scenario (or <c>--profile</c>) may ask for: exactly the profiles the
/// cluster's <see cref="ProfileCatalog"/> can build, so a new profile needs no change here.
/// </summary>
public static class SchedulerProfiles
{
    public const string Default = "default";

    public static IReadOnlyList<string> Known => [.. ProfileCatalog.Names.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string name) => ProfileCatalog.Exists(name);

    /// <summary>The message for a name that is not known.</summary>
    public static string UnknownMessage(string name) =>
        $"unknown scheduler profile \"{name}\" (known: {string.Join(", ", Known)})";

    /// <summary><c>; did you mean "x"?</c> when <paramref name="name"/> is close to a known profile, or nothing.</summary>
    public static string Hint(string name) => Validation.Suggestions.Hint(name, Known);

    /// <summary>A built-in profile or one of the scenario's KubeSchedulerConfiguration profiles (by schedulerName).</summary>
    public static bool IsKnown(string name, IReadOnlyList<ProfileSpec> configured) => ProfileSelection.IsKnown(name, configured);

    /// <summary>The message for a name that is neither built in nor configured.</summary>
    public static string UnknownMessage(string name, IReadOnlyList<ProfileSpec> configured) =>
        configured.Count == 0 ? UnknownMessage(name)
            : $"unknown scheduler profile \"{name}\" (built in: {string.Join(", ", Known)}; configured: {string.Join(", ", configured.Select(p => p.Name))})";

    /// <summary>
    /// Why <paramref name="name"/> cannot serve default-scheduler beside the configured profiles
    /// (they all share one queue, so one queue sort), or null.
    /// </summary>
    public static string? QueueSortConflict(string name, IReadOnlyList<ProfileSpec> configured)
    {
        if (configured.Count == 0) return null;
        var served = ProfileSelection.Resolve(name, configured);
        var first = Validation.ProfileChecks.QueueSortOf(served[0].Spec, out _);
        foreach (var other in served.Skip(1))
        {
            var sort = Validation.ProfileChecks.QueueSortOf(other.Spec, out _);
            if (first is not null && sort is not null && sort != first)
                return $"profile \"{name}\" sorts the queue with {first} but the configured profile \"{other.SchedulerName}\" with {sort}: queueSort must be the same for all profiles";
        }
        return null;
    }
}
