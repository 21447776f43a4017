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
}
