using Simulator.Cluster.Store;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>
/// KubeSchedulerConfiguration from the file to the end of the run: several profiles by
/// schedulerName, plugins disabled at one point, RequestedToCapacityRatio; placements checked
/// against hand-computed scores.
/// </summary>
public class SchedulerConfigurationScenarioTests
{
    private static string Node(string name, string cpu, string memory, string taints = "") => $$"""

        ---
        apiVersion: v1
        kind: Node
        metadata: {name: {{name}}}
        spec: {taints: [{{taints}}]}
        status:
          capacity: {cpu: "{{cpu}}", memory: {{memory}}}
        """;

    private static string Pod(string name, string cpu, string memory, string schedulerName = "default-scheduler") => $$"""

        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          schedulerName: {{schedulerName}}
          containers:
          - name: c
            image: busybox
            resources:
              requests: {cpu: "{{cpu}}", memory: {{memory}}}
        """;

    private static (IReadOnlyList<ClusterEvent> Events, ClusterStore Store) Run(string yaml)
    {
        var cluster = ScenarioRunner.Build(ScenarioFiles.Valid(yaml), new RunOptions());
        var result = cluster.Run(SimTime.Zero + SimDuration.FromMinutes(1));
        return (result.Events, cluster.Store);
    }

    private static string NodeOf(ClusterStore store, string pod) => store.GetPod("default/" + pod)!.Spec.NodeName;

    /// <summary>The README's example, verbatim: default-scheduler ignores taints in its filter, "packer" packs with a RequestedToCapacityRatio shape.</summary>
    public const string TwoProfiles = """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        percentageOfNodesToScore: 0          # 0-100, 0 = adaptive; a profile's own wins
        profiles:
        - schedulerName: default-scheduler   # the default, with taints ignored by the filter
          plugins:
            filter:
              disabled: [{name: TaintToleration}]
        - schedulerName: packer              # pods with spec.schedulerName: packer
          pluginConfig:
          - name: NodeResourcesFit
            args:
              scoringStrategy:
                type: RequestedToCapacityRatio          # or LeastAllocated, MostAllocated
                resources: [{name: cpu, weight: 1}, {name: nvidia.com/gpu, weight: 3}]
                requestedToCapacityRatio:
                  shape:                                # utilization 0-100 -> score 0-10
                  - {utilization: 0, score: 0}          # rising: bin packing
                  - {utilization: 100, score: 10}       # (10 -> 0 would spread)
        """;

    [Fact]
    public void Each_pod_is_placed_by_the_profile_it_names_and_an_unknown_name_stays_pending()
    {
        // big: 8 CPU / 32Gi, small: 4 CPU / 16Gi; each pod asks 1 CPU / 4Gi. The other plugins
        // score both nodes alike (both balanced, no taints, no affinity), so NodeResourcesFit decides:
        // packer (RTCR, shape x10; cpu only, the pods ask no GPU): big u = 12 -> 12, small u = 25 -> 25: small.
        // default (LeastAllocated), after packed is on small: big 87, small (4000-2000)*100/4000 = 50
        // and memory 50: big.
        var yaml = TwoProfiles + Node("big", "8", "32Gi") + Node("small", "4", "16Gi")
            + Pod("packed", "1", "4Gi", "packer") + Pod("spread", "1", "4Gi") + Pod("lost", "1", "4Gi", "nobody");
        var (events, store) = Run(yaml);
        Assert.Equal("small", NodeOf(store, "packed"));
        Assert.Equal("big", NodeOf(store, "spread"));

        // No profile serves "nobody": the pod stays Pending and no scheduler says anything about it.
        var lost = store.GetPod("default/lost")!;
        Assert.Equal("", lost.Spec.NodeName);
        Assert.Equal(Cluster.Api.PodPhase.Pending, lost.Status.Phase);
        Assert.DoesNotContain(events, e => e.ObjectName == "default/lost");

        // Events come from the profile's schedulerName, as kube-scheduler's per-profile recorders report them.
        Assert.Equal("packer", Assert.Single(events, e => e.ObjectName == "default/packed" && e.Reason == "Scheduled").Source);
        Assert.Equal("default-scheduler", Assert.Single(events, e => e.ObjectName == "default/spread" && e.Reason == "Scheduled").Source);
    }

    [Fact]
    public void Disabling_TaintToleration_at_filter_lets_a_pod_onto_a_tainted_node()
    {
        // tainted has room but a NoSchedule taint; full has no room (1 CPU for a 2 CPU pod).
        var nodes = Node("tainted", "4", "16Gi", "{key: dedicated, value: gpu, effect: NoSchedule}") + Node("full", "1", "16Gi");
        var (defaultEvents, defaultStore) = Run(nodes.TrimStart('\n', '-') + Pod("p", "2", "1Gi"));
        Assert.Equal("", NodeOf(defaultStore, "p"));
        Assert.Contains(defaultEvents, e => e.Reason == "FailedScheduling"
            && e.Message.StartsWith("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s).", StringComparison.Ordinal));

        var config = """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - plugins:
                filter:
                  disabled: [{name: TaintToleration}]
            """;
        var (_, store) = Run(config + nodes + Pod("p", "2", "1Gi"));
        Assert.Equal("tainted", NodeOf(store, "p"));
    }

    [Fact]
    public void Disabling_NodeResourcesFit_at_score_leaves_BalancedAllocation_to_decide()
    {
        // Pod 1 CPU / 4Gi. wide (32 CPU / 32Gi): LeastAllocated cpu 96, memory 87 -> 91;
        // BalancedAllocation fractions 1/32 and 1/8, std 0.046875 -> 95. even (4 CPU / 16Gi):
        // LeastAllocated 75, BalancedAllocation 100. TaintToleration and NodeAffinity tie.
        // Default: wide 91 + 95 = 186 > even 75 + 100 = 175. Without NodeResourcesFit's score:
        // even 100 > wide 95.
        var nodes = Node("wide", "32", "32Gi") + Node("even", "4", "16Gi");
        var (_, defaultStore) = Run(nodes.TrimStart('\n', '-') + Pod("p", "1", "4Gi"));
        Assert.Equal("wide", NodeOf(defaultStore, "p"));

        var config = """
            apiVersion: kubescheduler.config.k8s.io/v1
            kind: KubeSchedulerConfiguration
            profiles:
            - plugins:
                score:
                  disabled: [{name: NodeResourcesFit}]
            """;
        var (_, store) = Run(config + nodes + Pod("p", "1", "4Gi"));
        Assert.Equal("even", NodeOf(store, "p"));
    }

    [Fact]
    public void The_scenario_profile_may_name_a_configured_profile_which_then_serves_default_scheduler()
    {
        // As the first test, but spec.profile: packer makes packer serve default-scheduler pods too:
        // both pods pack onto small (after the first, small's cpu is at u = 50 -> 50 against big's 12).
        var yaml = TwoProfiles + Node("big", "8", "32Gi") + Node("small", "4", "16Gi") + Pod("a", "1", "4Gi") + Pod("b", "1", "4Gi") + """

            ---
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: s}
            spec: {profile: packer}
            """;
        var (_, store) = Run(yaml);
        Assert.Equal("small", NodeOf(store, "a"));
        Assert.Equal("small", NodeOf(store, "b"));
    }
}
