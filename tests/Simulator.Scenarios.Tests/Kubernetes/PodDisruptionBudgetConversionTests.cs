using Simulator.Cluster.Api;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>policy/v1 PodDisruptionBudgets: read strictly, validated as ValidatePodDisruptionBudgetSpec does.</summary>
public class PodDisruptionBudgetConversionTests
{
    private static PodDisruptionBudget Pdb(ScenarioDefinition s) =>
        Assert.Single(s.Workloads.Select(w => w.Object).OfType<PodDisruptionBudget>());

    [Fact]
    public void A_budget_keeps_its_min_available_selector_and_namespace()
    {
        var pdb = Pdb(ScenarioFiles.Valid("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: db, namespace: ml}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: db}}
            """));
        Assert.Equal("ml/db", pdb.Metadata.Key);
        Assert.Equal(IntOrPercent.Absolute(2), pdb.Spec.MinAvailable);
        Assert.Null(pdb.Spec.MaxUnavailable);
        Assert.Equal("db", pdb.Spec.Selector.MatchLabels["app"]);
    }

    [Fact]
    public void Max_unavailable_may_be_a_percentage()
    {
        var pdb = Pdb(ScenarioFiles.Valid("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {maxUnavailable: "25%", selector: {matchLabels: {app: web}}}
            """));
        Assert.Equal(IntOrPercent.Percent(25), pdb.Spec.MaxUnavailable);
    }

    [Theory]
    [InlineData("both", "spec: {minAvailable: 1, maxUnavailable: 1, selector: {matchLabels: {a: b}}}",
        "x.yaml:4:41: spec.maxUnavailable: Invalid value: minAvailable and maxUnavailable cannot be both set")]
    [InlineData("over-100", "spec: {minAvailable: \"120%\", selector: {matchLabels: {a: b}}}",
        "x.yaml:4:22: spec.minAvailable: Invalid value: \"120%\": must not be greater than 100%")]
    [InlineData("negative", "spec: {maxUnavailable: -1, selector: {matchLabels: {a: b}}}",
        "x.yaml:4:24: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0")]
    [InlineData("no-selector", "spec: {minAvailable: 1}",
        "x.yaml:4:7: spec.selector: Required value: the pods the budget covers, e.g. {matchLabels: {app: web}}")]
    [InlineData("unknown-field", "spec: {minAvailable: 1, selector: {matchLabels: {a: b}}, unhealthyPodEvictionPolicy: AlwaysAllow}",
        "x.yaml:4:58: spec.unhealthyPodEvictionPolicy: unknown field \"unhealthyPodEvictionPolicy\" (known: minAvailable, maxUnavailable, selector)")]
    public void Bad_budgets_are_reported_at_their_position(string name, string spec, string expected)
    {
        var yaml = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\n" + spec + "\n";
        ScenarioFiles.AssertErrors(name, yaml, [expected]);
    }
}
