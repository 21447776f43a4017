namespace Simulator.Scenarios.Kinds;

/// <summary>
/// Scheduler profile names a scenario (or <c>--profile</c>) may ask for. The one list to extend
/// when a profile is implemented.
/// </summary>
public static class SchedulerProfiles
{
    public const string Default = "default";

    public static IReadOnlyList<string> Known { get; } = [Default];

    public static bool IsKnown(string name) => Known.Contains(name, StringComparer.Ordinal);

    /// <summary>The message for a name that is not known.</summary>
    public static string UnknownMessage(string name) =>
        $"unknown scheduler profile \"{name}\" (known: {string.Join(", ", Known)})";
}
