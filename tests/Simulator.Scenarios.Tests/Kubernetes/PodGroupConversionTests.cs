using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>scheduler-plugins PodGroups: read strictly from the source, with positions in every error.</summary>
public class PodGroupConversionTests
{
    private static PodGroup Group(ScenarioDefinition s) =>
        Assert.Single(s.Workloads.Select(w => w.Object).OfType<PodGroup>());

    [Fact]
    public void A_pod_group_keeps_min_member_timeout_namespace_and_submit_time()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: scheduling.x-k8s.io/v1alpha1
            kind: PodGroup
            metadata:
              name: bert
              namespace: ml
              labels: {team: nlp}
              annotations: {ksim.dev/submit-at: 5m, owner: alice}
            spec:
              minMember: 4
              scheduleTimeoutSeconds: 120
              minResources: {cpu: "16", nvidia.com/gpu: 4}
            """);
        var group = Group(s);
        Assert.Equal("ml/bert", group.Metadata.Key);
        Assert.Equal(4, group.Spec.MinMember);
        Assert.Equal(120, group.Spec.ScheduleTimeoutSeconds);
        Assert.Equal("nlp", group.Metadata.Labels["team"]);
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(5), Assert.Single(s.Workloads).SubmitAt);
    }

    [Fact]
    public void Without_a_timeout_the_plugin_default_applies()
    {
        var group = Group(ScenarioFiles.Valid("""
            apiVersion: scheduling.x-k8s.io/v1alpha1
            kind: PodGroup
            metadata: {name: g}
            spec: {minMember: 2}
            """));
        Assert.Equal("default/g", group.Metadata.Key);
        Assert.Null(group.Spec.ScheduleTimeoutSeconds);
    }

    [Theory]
    [InlineData("zero-min-member", "spec: {minMember: 0}",
        "x.yaml:4:19: spec.minMember: must be greater than or equal to 1, got \"0\"")]
    [InlineData("missing-min-member", "spec: {scheduleTimeoutSeconds: 10}",
        "x.yaml:4:7: spec.minMember: Required value: the number of pods that must be placeable together")]
    [InlineData("zero-timeout", "spec: {minMember: 2, scheduleTimeoutSeconds: 0}",
        "x.yaml:4:46: spec.scheduleTimeoutSeconds: must be greater than or equal to 1, got \"0\"")]
    [InlineData("unknown-field", "spec: {minMember: 2, minMembers: 3}",
        "x.yaml:4:22: spec.minMembers: unknown field \"minMembers\"; did you mean \"minMember\"?")]
    [InlineData("min-resources-not-a-map", "spec: {minMember: 2, minResources: 4}",
        "x.yaml:4:36: spec.minResources: expected a map, got \"4\"")]
    [InlineData("min-member-over-int32", "spec: {minMember: 3000000000}",
        "x.yaml:4:19: spec.minMember: must be at most 2147483647, got \"3000000000\"")]
    [InlineData("no-spec", "status: {}",
        "x.yaml:1:1: spec: Required value: at least minMember, e.g. {minMember: 4}")]
    public void Bad_pod_groups_are_reported_at_their_position(string name, string spec, string expected)
    {
        var yaml = "apiVersion: scheduling.x-k8s.io/v1alpha1\nkind: PodGroup\nmetadata: {name: g}\n" + spec + "\n";
        ScenarioFiles.AssertErrors(name, yaml, [expected]);
    }

    [Fact]
    public void Pod_group_names_are_unique_per_namespace()
    {
        var errors = ScenarioFiles.Errors("""
            apiVersion: scheduling.x-k8s.io/v1alpha1
            kind: PodGroup
            metadata: {name: g}
            spec: {minMember: 2}
            ---
            apiVersion: scheduling.x-k8s.io/v1alpha1
            kind: PodGroup
            metadata: {name: g}
            spec: {minMember: 3}
            """);
        Assert.Equal(["x.yaml:8:18: metadata.name: podgroups.scheduling.x-k8s.io \"g\" already exists (first defined at line 3)"], errors);
    }
}
