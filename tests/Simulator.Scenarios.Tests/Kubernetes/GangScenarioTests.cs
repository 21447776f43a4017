using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>
/// A gang scenario from the file to the end of the run: PodGroups and labelled pods, with the
/// gang profile chosen by the Scenario or overridden on the command line.
/// </summary>
public class GangScenarioTests
{
    // Room for 6 CPUs; gang "a" (4 x 1 CPU) runs 0-10 min; gang "b" (4 x 1 CPU) arrives at 1 min.
    private static readonly string Yaml = """
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata: {name: gangs}
        spec: {profile: gang, duration: 30m}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {capacity: {cpu: "6", memory: 16Gi}}
        """ + Gang("a", "0s") + Gang("b", "1m");

    private static string Gang(string name, string at)
    {
        var text = $$"""

            ---
            apiVersion: scheduling.x-k8s.io/v1alpha1
            kind: PodGroup
            metadata:
              name: {{name}}
              annotations: {ksim.dev/submit-at: "{{at}}"}
            spec: {minMember: 4, scheduleTimeoutSeconds: 30}
            """;
        for (int i = 0; i < 4; i++)
            text += $$"""

                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: {{name}}-{{i}}
                  labels: {scheduling.x-k8s.io/pod-group: {{name}}}
                  annotations: {ksim.dev/submit-at: {{at}}, ksim.dev/duration: 10m}
                spec:
                  containers:
                  - name: c
                    image: busybox
                    resources:
                      requests: {cpu: "1"}
                """;
        return text;
    }

    private static Dictionary<string, double> BindSeconds(string? profile)
    {
        var scenario = ScenarioFiles.Valid(Yaml);
        var cluster = ScenarioRunner.Build(scenario, new RunOptions { Profile = profile });
        var result = cluster.Run(SimTime.Zero + SimDuration.FromMinutes(5));
        return result.Events.Where(e => e.Reason == "Scheduled")
            .ToDictionary(e => e.ObjectName.Split('/')[1], e => e.Time.TotalSeconds);
    }

    [Fact]
    public void With_the_gang_profile_the_second_gang_binds_nothing_while_only_two_cpus_are_free()
    {
        var bound = BindSeconds(profile: null);
        Assert.Equal(["a-0", "a-1", "a-2", "a-3"], bound.Keys.Order());
        Assert.All(bound.Values, t => Assert.Equal(0, t));
    }

    [Fact]
    public void The_default_profile_places_half_of_the_second_gang_which_then_holds_two_cpus_idle()
    {
        var bound = BindSeconds(profile: "default");
        Assert.Equal(6, bound.Count);
        Assert.Equal(2, bound.Keys.Count(k => k.StartsWith("b-", StringComparison.Ordinal)));
        Assert.All(bound.Where(kv => kv.Key.StartsWith("b-", StringComparison.Ordinal)), kv => Assert.Equal(60, kv.Value));
    }
}
