namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Pods that a Kubernetes API server (or ksim) would reject, with the exact error each gives.</summary>
public class PodErrorTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "unknown field in a Pod",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: busybox
                resurces:
                  limits: {cpu: 1}
            """,
            ["x.yaml:8:5: spec.containers[0].resurces: unknown field \"resurces\"; did you mean \"resources\"?"]
        },
        {
            "wrong type in a Pod",
            Pod + """
            metadata: {name: p}
            spec:
              priority: high
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:5:13: spec.priority: must be an integer, got \"high\""]
        },
        {
            "map where a list belongs",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
                name: c
            """,
            ["x.yaml:6:5: spec.containers: expected a list, got a map"]
        },
        {
            "fractional GPU",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: cuda
                resources:
                  limits:
                    nvidia.com/gpu: 0.5
            """,
            ["x.yaml:10:25: spec.containers[0].resources.limits.nvidia.com/gpu: must be an integer, got \"0.5\""]
        },
        {
            "GPU request below its limit",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: cuda
                resources:
                  limits: {nvidia.com/gpu: 2}
                  requests: {nvidia.com/gpu: 1}
            """,
            ["x.yaml:10:34: spec.containers[0].resources.requests.nvidia.com/gpu: must be equal to nvidia.com/gpu limit of 2"]
        },
        {
            "GPU request above its limit",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: cuda
                resources:
                  limits: {nvidia.com/gpu: 1}
                  requests: {nvidia.com/gpu: 2}
            """,
            ["x.yaml:10:34: spec.containers[0].resources.requests.nvidia.com/gpu: must be less than or equal to nvidia.com/gpu limit of 1"]
        },
        {
            "GPU request without a limit",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: cuda
                resources:
                  requests: {nvidia.com/gpu: 1}
            """,
            ["x.yaml:9:34: spec.containers[0].resources.requests.nvidia.com/gpu: Limit must be set for non overcommitable resources"]
        },
        {
            "CPU request above its limit",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: busybox
                resources:
                  limits: {cpu: 1000m}
                  requests: {cpu: 2}
            """,
            ["x.yaml:10:23: spec.containers[0].resources.requests.cpu: must be less than or equal to cpu limit of 1"]
        },
        {
            "bad quantity and unknown resource name",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: busybox
                resources:
                  requests:
                    memory: 1GB
                    cpus: 1
            """,
            [
                "x.yaml:10:17: spec.containers[0].resources.requests.memory: invalid quantity \"1GB\": unexpected \"GB\" (there is no \"B\": use \"G\" for powers of 1000 or \"Gi\" for powers of 1024)",
                "x.yaml:11:9: spec.containers[0].resources.requests.cpus: Invalid value: \"cpus\": must be a standard resource for containers; did you mean \"cpu\"?",
            ]
        },
        {
            "container without an image",
            Pod + """
            metadata: {name: p}
            spec:
              containers:
              - name: c
            """,
            ["x.yaml:6:5: spec.containers[0].image: Required value"]
        },
        {
            "duplicate pod in the same namespace",
            Pod + """
            metadata: {name: web}
            spec:
              containers: [{name: c, image: nginx}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: other}
            spec:
              containers: [{name: c, image: nginx}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: default}
            spec:
              containers: [{name: c, image: nginx}]
            """,
            ["x.yaml:15:18: metadata.name: pods \"web\" already exists (first defined at line 3)"]
        },
        {
            "unknown priorityClassName",
            Pod + """
            metadata: {name: p}
            spec:
              priorityClassName: gold
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:5:22: spec.priorityClassName: no PriorityClass with name gold was found"]
        },
        {
            "priority that contradicts the class",
            """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: gold}
            value: 1000
            ---

            """ + Pod + """
            metadata: {name: p}
            spec:
              priorityClassName: gold
              priority: 5
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:11:13: spec.priority: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name"]
        },
        {
            "bad DNS name",
            Pod + """
            metadata: {name: Web_1}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:3:18: metadata.name: Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
        },
        {
            "missing pod name",
            Pod + """
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:3:11: metadata.name: Required value: name or generateName is required"]
        },
        {
            "toleration Exists with a value",
            Pod + """
            metadata: {name: p}
            spec:
              containers: [{name: c, image: busybox}]
              tolerations:
              - {key: nvidia.com/gpu, operator: Exists, value: present}
            """,
            ["x.yaml:7:52: spec.tolerations[0].value: must be empty when `operator` is 'Exists'"]
        },
        {
            "preferred weight out of range",
            Pod + """
            metadata: {name: p}
            spec:
              containers: [{name: c, image: busybox}]
              affinity:
                nodeAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 0
                    preference:
                      matchExpressions: [{key: zone, operator: In, values: [a]}]
            """,
            ["x.yaml:9:17: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
