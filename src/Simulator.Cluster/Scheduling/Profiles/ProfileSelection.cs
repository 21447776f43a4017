namespace Simulator.Cluster.Scheduling.Profiles;

/// <summary>A profile the scheduler runs, with the spec.schedulerName of the pods it schedules.</summary>
public sealed record ServedProfile(string SchedulerName, ProfileSpec Spec);

/// <summary>
/// Which spec serves which schedulerName when a run has both a chosen profile (the scenario's
/// <c>profile</c> or <c>--profile</c>) and KubeSchedulerConfiguration profiles:
/// <list type="bullet">
/// <item>each configured profile serves its own schedulerName;</item>
/// <item>"default-scheduler" is served by the chosen profile if it names a configured profile
/// or a built-in other than "default"; otherwise by the configuration's "default-scheduler"
/// profile if it has one; otherwise by the built-in default. So a command-line choice always
/// wins, and a configuration can replace the default without one.</item>
/// </list>
/// </summary>
public static class ProfileSelection
{
    public const string DefaultSchedulerName = "default-scheduler";

    public static IReadOnlyList<ServedProfile> Resolve(string chosen, IReadOnlyList<ProfileSpec> configured)
    {
        ProfileSpec? configuredChoice = configured.FirstOrDefault(p => p.Name == chosen);
        ProfileSpec? configuredDefault = configured.FirstOrDefault(p => p.Name == DefaultSchedulerName);
        ProfileSpec forDefault = configuredChoice
            ?? (chosen != DefaultProfile.Name || configuredDefault is null ? ProfileCatalog.Spec(chosen) : configuredDefault);
        var served = new List<ServedProfile> { new(DefaultSchedulerName, forDefault) };
        foreach (var spec in configured)
            if (spec.Name != DefaultSchedulerName) served.Add(new ServedProfile(spec.Name, spec));
        return served;
    }

    /// <summary>Whether <paramref name="name"/> can be chosen: a built-in profile or a configured one.</summary>
    public static bool IsKnown(string name, IReadOnlyList<ProfileSpec> configured) =>
        ProfileCatalog.Exists(name) || configured.Any(p => p.Name == name);
}
