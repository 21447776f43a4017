namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Bad nodes and node pools, with the exact error each gives.</summary>
public class NodeErrorTests
{
    private const string NodePool = "apiVersion: ksim.dev/v1alpha1\nkind: NodePool\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "unknown field in a NodePool",
            NodePool + """
            metadata: {name: cpu}
            spec:
              count: 3
              template:
                capacity: {cpu: 8, memory: 32Gi}
                taints: []
            """,
            ["x.yaml:8:5: spec.template.taints: unknown field \"taints\" (known: metadata, spec, capacity, allocatable, images)"]
        },
        {
            "misspelled NodePool field",
            NodePool + """
            metadata: {name: cpu}
            spec:
              cuont: 3
              template:
                capacity: {cpu: 8}
            """,
            [
                "x.yaml:5:3: spec.cuont: unknown field \"cuont\"; did you mean \"count\"?",
                "x.yaml:5:3: spec.count: Required value",
            ]
        },
        {
            "negative capacity",
            NodePool + """
            metadata: {name: cpu}
            spec:
              count: 2
              template:
                capacity: {cpu: -8, memory: 32Gi}
            """,
            ["x.yaml:7:21: spec.template.capacity.cpu: must not be negative, got \"-8\""]
        },
        {
            "negative count",
            NodePool + """
            metadata: {name: cpu}
            spec:
              count: -1
              template:
                capacity: {cpu: 8}
            """,
            ["x.yaml:5:10: spec.count: must be between 0 and 100000, got \"-1\""]
        },
        {
            "allocatable above capacity",
            NodePool + """
            metadata: {name: cpu}
            spec:
              count: 1
              template:
                capacity: {cpu: 8, memory: 32Gi}
                allocatable: {cpu: 9, memory: 32Gi}
            """,
            ["x.yaml:8:24: spec.template.allocatable.cpu: must be less than or equal to cpu capacity of 8"]
        },
        {
            "bad taint effect",
            NodePool + """
            metadata: {name: gpu}
            spec:
              count: 1
              template:
                capacity: {cpu: 8}
                spec:
                  taints:
                  - {key: nvidia.com/gpu, effect: NoSchedul}
            """,
            ["x.yaml:10:39: spec.template.spec.taints[0].effect: Unsupported value: \"NoSchedul\": supported values: \"NoExecute\", \"NoSchedule\", \"PreferNoSchedule\""]
        },
        {
            "pool node and Node document with the same name",
            NodePool + """
            metadata: {name: gpu}
            spec:
              count: 2
              template:
                capacity: {cpu: 8}
            ---
            apiVersion: v1
            kind: Node
            metadata:
              name: gpu-1
            status:
              capacity: {cpu: 8}
            """,
            ["x.yaml:12:9: metadata.name: nodes \"gpu-1\" already exists (first defined at line 3)"]
        },
        {
            "two NodePools with the same name",
            NodePool + """
            metadata: {name: gpu}
            spec: {count: 1, template: {capacity: {cpu: 8}}}
            ---
            """ + "\n" + NodePool + """
            metadata: {name: gpu}
            spec: {count: 2, template: {capacity: {cpu: 8}}}
            """,
            ["x.yaml:8:18: metadata.name: node pool \"gpu\" already exists (first defined at line 3)"]
        },
        {
            "unknown field in a later Node document",
            NodePool + """
            metadata: {name: cpu}
            spec:
              count: 1
              template:
                capacity: {cpu: 8}
            ---
            apiVersion: v1
            kind: Node
            metadata:
              name: n
            status:
              capacity: {cpu: 8}
              allocatible: {cpu: 7}
            """,
            ["x.yaml:15:3: status.allocatible: unknown field \"allocatible\"; did you mean \"allocatable\"?"]
        },
        {
            "Node document without capacity",
            """
            apiVersion: v1
            kind: Node
            metadata: {name: n}
            """,
            ["x.yaml:1:1: status.capacity: Required value: a node needs a capacity, e.g. cpu: \"8\" and memory: 32Gi"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
