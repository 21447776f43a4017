namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Spread constraints and pod (anti-)affinity the API server rejects, with its messages.</summary>
public class TopologyErrorTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: web}}\nspec:\n  containers: [{name: c, image: busybox}]\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "maxSkew 0 and no topologyKey",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 0, whenUnsatisfiable: DoNotSchedule}
            """,
            ["x.yaml:7:5: spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty",
             "x.yaml:7:15: spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero"]
        },
        {
            "unknown whenUnsatisfiable",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Maybe}
            """,
            ["x.yaml:7:56: spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Maybe\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""]
        },
        {
            "minDomains with ScheduleAnyway",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 2}
            """,
            ["x.yaml:7:84: spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway"]
        },
        {
            "minDomains 0",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 0}
            """,
            ["x.yaml:7:83: spec.topologySpreadConstraints[0].minDomains: Invalid value: 0: must be greater than zero"]
        },
        {
            "bad nodeTaintsPolicy",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, nodeTaintsPolicy: Always}
            """,
            ["x.yaml:7:89: spec.topologySpreadConstraints[0].nodeTaintsPolicy: Unsupported value: \"Always\": supported values: \"Honor\", \"Ignore\""]
        },
        {
            "duplicate key and action",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
              - {maxSkew: 2, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
            """,
            ["x.yaml:8:5: spec.topologySpreadConstraints[1]: Duplicate value: \"{zone, DoNotSchedule}\""]
        },
        {
            "matchLabelKeys overlapping the selector",
            Pod + """
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]}
            """,
            ["x.yaml:7:130: spec.topologySpreadConstraints[0].matchLabelKeys[0]: Invalid value: \"app\": exists in both matchLabelKeys and labelSelector"]
        },
        {
            "pod affinity without topologyKey",
            Pod + """
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchLabels: {app: db}}
            """,
            ["x.yaml:9:9: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty"]
        },
        {
            "preferred anti-affinity weight out of range",
            Pod + """
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 101
                    podAffinityTerm: {topologyKey: zone, labelSelector: {matchLabels: {app: web}}}
            """,
            ["x.yaml:9:17: spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100"]
        },
        {
            "bad operator in an affinity selector",
            Pod + """
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - topologyKey: zone
                    labelSelector:
                      matchExpressions: [{key: app, operator: Has}]
            """,
            ["x.yaml:11:51: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: Invalid value: \"Has\": not a valid selector operator"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
