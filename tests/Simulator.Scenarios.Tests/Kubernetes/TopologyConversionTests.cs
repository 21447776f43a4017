using Simulator.Cluster.Api;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>spec.topologySpreadConstraints and spec.affinity.podAffinity / podAntiAffinity, read with Kubernetes' defaults.</summary>
public class TopologyConversionTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web-0, labels: {app: web, rev: "2"}}
        spec:
          containers: [{name: c, image: nginx}]
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            minDomains: 3
            labelSelector: {matchLabels: {app: web}}
            matchLabelKeys: [rev]
          - maxSkew: 2
            topologyKey: kubernetes.io/hostname
            whenUnsatisfiable: ScheduleAnyway
            nodeAffinityPolicy: Ignore
            nodeTaintsPolicy: Honor
          affinity:
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {matchLabels: {app: cache}}
                topologyKey: topology.kubernetes.io/zone
                namespaces: [infra]
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 40
                podAffinityTerm:
                  labelSelector:
                    matchExpressions: [{key: app, operator: In, values: [web]}]
                  topologyKey: kubernetes.io/hostname
                  namespaceSelector: {}
        """;

    [Fact]
    public void Spread_constraints_and_pod_affinity_convert_with_their_defaults()
    {
        var pod = ScenarioFiles.Valid(Pod).Pods.Single().Pod;

        var (hard, soft) = (pod.Spec.TopologySpreadConstraints[0], pod.Spec.TopologySpreadConstraints[1]);
        Assert.Equal((1, "topology.kubernetes.io/zone", UnsatisfiableConstraintAction.DoNotSchedule, 3), (hard.MaxSkew, hard.TopologyKey, hard.WhenUnsatisfiable, hard.MinDomains));
        Assert.Equal((NodeInclusionPolicy.Honor, NodeInclusionPolicy.Ignore), (hard.NodeAffinityPolicy, hard.NodeTaintsPolicy));
        Assert.Equal("app=web", hard.LabelSelector!.ToString());
        Assert.Equal(["rev"], hard.MatchLabelKeys);
        Assert.Equal((2, UnsatisfiableConstraintAction.ScheduleAnyway, 1), (soft.MaxSkew, soft.WhenUnsatisfiable, soft.MinDomains));
        Assert.Equal((NodeInclusionPolicy.Ignore, NodeInclusionPolicy.Honor), (soft.NodeAffinityPolicy, soft.NodeTaintsPolicy));
        Assert.Null(soft.LabelSelector);

        var affinity = Assert.Single(pod.Spec.PodAffinity.Required);
        Assert.Equal(("app=cache", "topology.kubernetes.io/zone"), (affinity.LabelSelector!.ToString(), affinity.TopologyKey));
        Assert.Equal(["infra"], affinity.Namespaces);
        Assert.Empty(pod.Spec.PodAffinity.Preferred);
        var anti = Assert.Single(pod.Spec.PodAntiAffinity.Preferred);
        Assert.Equal(40, anti.Weight);
        Assert.True(anti.Term.NamespaceSelector!.IsEmpty);
        Assert.Empty(pod.Spec.PodAntiAffinity.Required);
    }

    [Theory]
    [InlineData("default", null, true)]
    [InlineData("other", null, false)]
    [InlineData("infra", "infra", true)]
    [InlineData("other", "infra", false)]
    public void An_affinity_term_looks_in_the_owners_namespace_unless_told_otherwise(string podNamespace, string? listed, bool matches)
    {
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        var term = new PodAffinityTerm(selector, "kubernetes.io/hostname", listed is null ? [] : [listed], null);
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p", Namespace = podNamespace, Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new PodSpec(),
        };
        Assert.Equal(matches, term.Matches(pod, ownerNamespace: "default"));
    }

    [Fact]
    public void A_namespaceSelector_sees_the_metadata_name_label_of_each_namespace()
    {
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "web" });
        var byName = LabelSelector.FromLabels(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ml" });
        var term = new PodAffinityTerm(selector, "kubernetes.io/hostname", [], byName);
        Pod In(string ns) => new() { Metadata = new ObjectMeta { Name = "p", Namespace = ns, Labels = new Dictionary<string, string> { ["app"] = "web" } }, Spec = new PodSpec() };

        Assert.True(term.Matches(In("ml"), "default"));
        Assert.False(term.Matches(In("default"), "default"));
    }
}
