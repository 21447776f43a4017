namespace Simulator.Scenarios.Tests.Errors;

/// <summary>
/// KubeSchedulerConfiguration mistakes, reported as kube-scheduler's apis/config/validation
/// reports them (field path and message), at the line and column they are written.
/// </summary>
public class SchedulerConfigurationErrorTests
{
    private const string Config = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "misspelled plugin",
            Config + """
            profiles:
            - schedulerName: packer
              plugins:
                multiPoint:
                  enabled:
                  - name: NodeResourceFit
            """,
            ["x.yaml:8:15: profiles[0].plugins.multiPoint.enabled[0].name: unknown scheduler plugin \"NodeResourceFit\"; did you mean \"NodeResourcesFit\"? (known: {plugins})"]
        },
        {
            "kube-scheduler plugin ksim does not simulate",
            Config + """
            profiles:
            - plugins:
                score:
                  enabled:
                  - name: ImageLocality
                    weight: 2
            """,
            ["x.yaml:7:15: profiles[0].plugins.score.enabled[0].name: Unsupported value: \"ImageLocality\": kube-scheduler's ImageLocality plugin is not simulated by ksim (simulated: {plugins})"]
        },
        {
            "plugin weight outside 1-100",
            Config + """
            profiles:
            - plugins:
                score:
                  enabled:
                  - name: NodeResourcesFit
                    weight: 101
                  - name: TaintToleration
                    weight: 0
            """,
            [
                "x.yaml:8:17: profiles[0].plugins.score.enabled[0].weight: Invalid value: 101: plugin weight not in valid range [1, 100]",
                "x.yaml:10:17: profiles[0].plugins.score.enabled[1].weight: Invalid value: 0: plugin weight not in valid range [1, 100]",
            ]
        },
        {
            "duplicate schedulerName",
            Config + """
            profiles:
            - schedulerName: a
            - schedulerName: a
            """,
            ["x.yaml:5:18: profiles[1].schedulerName: Duplicate value: \"a\" (also profiles[0].schedulerName)"]
        },
        {
            "second profile without a name",
            Config + """
            profiles:
            - schedulerName: a
            - plugins: {}
            """,
            ["x.yaml:5:3: profiles[1].schedulerName: Required value"]
        },
        {
            "percentageOfNodesToScore outside 0-100",
            Config + """
            percentageOfNodesToScore: 120
            profiles:
            - percentageOfNodesToScore: -1
            """,
            [
                "x.yaml:3:27: percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]",
                "x.yaml:5:29: profiles[0].percentageOfNodesToScore: Invalid value: -1: not in valid range [0-100]",
            ]
        },
        {
            "profiles sorting the queue differently",
            Config + """
            profiles:
            - schedulerName: default-scheduler
            - schedulerName: gangs
              plugins:
                multiPoint:
                  enabled:
                  - name: Coscheduling
                  disabled:
                  - name: PrioritySort
            """,
            ["x.yaml:7:5: profiles[1].plugins.queueSort: Invalid value: Coscheduling: queueSort must be the same for all profiles (profiles[0] sorts with PrioritySort)"]
        },
        {
            "two queue sort plugins",
            Config + """
            profiles:
            - plugins:
                queueSort:
                  enabled:
                  - name: Coscheduling
            """,
            ["x.yaml:5:5: profiles[0].plugins: profile \"default-scheduler\": only one queueSort plugin may be enabled, got PrioritySort and Coscheduling"]
        },
        {
            "shape not increasing, utilization and score out of range, resource weight",
            Config + """
            profiles:
            - pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy:
                    type: RequestedToCapacityRatio
                    resources:
                    - {name: cpu, weight: 101}
                    requestedToCapacityRatio:
                      shape:
                      - {utilization: 50, score: 0}
                      - {utilization: 50, score: 11}
                      - {utilization: 101, score: 10}
            """,
            [
                "x.yaml:10:31: profiles[0].pluginConfig[0].args.scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]",
                "x.yaml:14:27: profiles[0].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio.shape[1].utilization: Invalid value: 50: values must be sorted in increasing order",
                "x.yaml:14:38: profiles[0].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio.shape[1].score: Invalid value: 11: not in valid range [0, 10]",
                "x.yaml:15:27: profiles[0].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio.shape[2].utilization: Invalid value: 101: not in valid range [0, 100]",
            ]
        },
        {
            "unsupported strategy and RequestedToCapacityRatio without a shape",
            Config + """
            profiles:
            - schedulerName: a
              pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy: {type: MostRequested}
            - schedulerName: b
              pluginConfig:
              - name: NodeResourcesFit
                args:
                  scoringStrategy: {type: RequestedToCapacityRatio}
            """,
            [
                "x.yaml:8:31: profiles[0].pluginConfig[0].args.scoringStrategy.type: Unsupported value: \"MostRequested\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\"",
                "x.yaml:13:24: profiles[1].pluginConfig[0].args.scoringStrategy.requestedToCapacityRatio: Required value: scoringStrategy.type RequestedToCapacityRatio needs requestedToCapacityRatio.shape",
            ]
        },
        {
            "PodTopologySpread and GpuShare args",
            Config + """
            profiles:
            - pluginConfig:
              - name: PodTopologySpread
                args:
                  defaultConstraints:
                  - {maxSkew: 0, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
              - name: GpuShare
                args: {gpuSelection: Fragmentation}
            """,
            [
                "x.yaml:8:7: profiles[0].pluginConfig[0].args.defaultConstraints: Invalid value: when .defaultingType is \"System\", .defaultConstraints must be empty",
                "x.yaml:8:19: profiles[0].pluginConfig[0].args.defaultConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
                "x.yaml:10:26: profiles[0].pluginConfig[1].args.gpuSelection: Unsupported value: \"Fragmentation\": supported values: \"BestFit\", \"LeastFragmentation\"",
            ]
        },
        {
            "scenario profile naming neither a built-in nor a configured profile",
            Config + """
            profiles:
            - schedulerName: packer
            ---
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: s}
            spec: {profile: packr}
            """,
            ["x.yaml:9:17: spec.profile: unknown scheduler profile \"packr\" (built in: {profiles}; configured: packer)"]
        },
        {
            "scenario profile sorting the queue unlike the configured profiles",
            Config + """
            profiles:
            - schedulerName: packer
            ---
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: s}
            spec: {profile: gang}
            """,
            ["x.yaml:9:17: spec.profile: profile \"gang\" sorts the queue with Coscheduling but the configured profile \"packer\" with PrioritySort: queueSort must be the same for all profiles"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, [.. expected.Select(WithKnownNames)]);

    /// <summary>
    /// The lists of known plugins and profiles in the messages are the registries' own, in ordinal
    /// order; spelled out here they would change with every new plugin.
    /// </summary>
    private static string WithKnownNames(string message) => message
        .Replace("{plugins}", string.Join(", ", Cluster.Scheduling.Profiles.PluginRegistry.Names.Order(StringComparer.Ordinal)))
        .Replace("{profiles}", string.Join(", ", Cluster.Scheduling.Profiles.ProfileCatalog.Names.Order(StringComparer.Ordinal)));
}
