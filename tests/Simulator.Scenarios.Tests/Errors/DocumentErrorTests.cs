namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Errors in the file as a whole: YAML syntax, document kinds, the Scenario document; and how errors are reported.</summary>
public class DocumentErrorTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "YAML syntax error stops reading",
            Pod + """
            metadata:
              name: a: b
            """,
            ["x.yaml:4:10: YAML syntax error: while scanning a plain scalar value, found invalid mapping"]
        },
        {
            "unknown kind",
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: d}
            """,
            ["x.yaml:2:7: kind: unknown kind \"DaemonSet\" for apiVersion \"apps/v1\" (known: v1 Node, v1 Pod, apps/v1 Deployment, apps/v1 ReplicaSet, batch/v1 Job, v1 Service, autoscaling/v2 HorizontalPodAutoscaler, scheduling.k8s.io/v1 PriorityClass, kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration, scheduling.x-k8s.io/v1alpha1 PodGroup, kubeflow.org/v1 PyTorchJob, policy/v1 PodDisruptionBudget, ksim.dev/v1alpha1 NodePool, ksim.dev/v1alpha1 WorkloadGenerator, ksim.dev/v1alpha1 TraceReplay, ksim.dev/v1alpha1 Traffic, ksim.dev/v1alpha1 Scenario)"]
        },
        {
            "misspelled kind",
            """
            apiVersion: ksim.dev/v1alpha1
            kind: NodePol
            """,
            ["x.yaml:2:7: kind: unknown kind \"NodePol\" for apiVersion \"ksim.dev/v1alpha1\"; did you mean \"NodePool\"? (known: v1 Node, v1 Pod, apps/v1 Deployment, apps/v1 ReplicaSet, batch/v1 Job, v1 Service, autoscaling/v2 HorizontalPodAutoscaler, scheduling.k8s.io/v1 PriorityClass, kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration, scheduling.x-k8s.io/v1alpha1 PodGroup, kubeflow.org/v1 PyTorchJob, policy/v1 PodDisruptionBudget, ksim.dev/v1alpha1 NodePool, ksim.dev/v1alpha1 WorkloadGenerator, ksim.dev/v1alpha1 TraceReplay, ksim.dev/v1alpha1 Traffic, ksim.dev/v1alpha1 Scenario)"]
        },
        {
            "known kind, wrong apiVersion",
            """
            apiVersion: v2
            kind: Pod
            """,
            ["x.yaml:1:13: apiVersion: kind \"Pod\" has apiVersion \"v1\", not \"v2\""]
        },
        {
            "missing kind",
            """
            apiVersion: v1
            metadata: {name: p}
            """,
            ["x.yaml:1:1: kind: Required value: every document needs an apiVersion and a kind"]
        },
        {
            "missing apiVersion",
            """
            kind: Pod
            metadata: {name: p}
            """,
            ["x.yaml:1:1: apiVersion: Required value: every document needs an apiVersion and a kind"]
        },
        {
            "document that is not a map",
            "- a\n- b\n",
            ["x.yaml:1:1: expected a map with apiVersion and kind, got a list"]
        },
        {
            "invalid duration in the Scenario",
            """
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            spec:
              duration: 1h3x
            """,
            ["x.yaml:4:13: spec.duration: invalid duration \"1h3x\": unknown unit \"x\" (one of ns, us, ms, s, m, h, d)"]
        },
        {
            "unknown scheduler profile",
            """
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            spec:
              profile: bin-packer
            """,
            ["x.yaml:4:12: spec.profile: unknown scheduler profile \"bin-packer\" (known: bin-packing, default, dot-product, fastest-accelerator, fgd, gang, gpu-best-fit, gpu-clustering, gpu-packing, random, spread)"]
        },
        {
            "duplicate key",
            Pod + """
            metadata:
              name: a
              name: b
            """,
            ["x.yaml:5:3: duplicate field \"name\" (first set at line 4)"]
        },
        {
            "second Scenario document",
            """
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            ---
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            """,
            ["x.yaml:5:7: kind: only one Scenario document is allowed (the first is at line 2)"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);

    [Fact]
    public void Every_error_in_a_file_is_reported_in_file_order()
    {
        // The PriorityClass is read before the pods, and the duplicate node is found while
        // reading the Node document, yet the errors come out sorted by position.
        var errors = ScenarioFiles.Errors("""
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec:
              priorityClassName: missing
              containers:
              - name: c
                image: cuda
                resources: {limits: {nvidia.com/gpu: 0.5}}
            ---
            apiVersion: ksim.dev/v1alpha1
            kind: NodePool
            metadata: {name: cpu}
            spec:
              count: 1
              template:
                capacity: {cpu: 8}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: cpu-0}
            status:
              capacity: {cpu: 8}
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: system-high}
            value: 10
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            """);
        Assert.Equal(
            [
                "x.yaml:5:22: spec.priorityClassName: no PriorityClass with name missing was found",
                "x.yaml:9:42: spec.containers[0].resources.limits.nvidia.com/gpu: must be an integer, got \"0.5\"",
                "x.yaml:21:18: metadata.name: nodes \"cpu-0\" already exists (first defined at line 13)",
                "x.yaml:27:18: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only",
                "x.yaml:31:7: kind: unknown kind \"StatefulSet\" for apiVersion \"apps/v1\" (known: v1 Node, v1 Pod, apps/v1 Deployment, apps/v1 ReplicaSet, batch/v1 Job, v1 Service, autoscaling/v2 HorizontalPodAutoscaler, scheduling.k8s.io/v1 PriorityClass, kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration, scheduling.x-k8s.io/v1alpha1 PodGroup, kubeflow.org/v1 PyTorchJob, policy/v1 PodDisruptionBudget, ksim.dev/v1alpha1 NodePool, ksim.dev/v1alpha1 WorkloadGenerator, ksim.dev/v1alpha1 TraceReplay, ksim.dev/v1alpha1 Traffic, ksim.dev/v1alpha1 Scenario)",
            ],
            errors);
    }

    [Fact]
    public void Errors_name_the_file_as_given()
    {
        string path = Path.Combine(Path.GetTempPath(), "ksim-no-such-dir-" + Guid.NewGuid().ToString("N"), "missing.yaml");
        var result = ScenarioLoader.Load(path);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"{path}:1:1: file not found", error.ToString());
        Assert.Equal(new ScenarioError(path, 1, 1, "", "file not found"), error);
    }
}
