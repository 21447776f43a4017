using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests;

public class ScenarioLoaderTests
{
    private const string FullScenario = """
        apiVersion: ksim.dev/v1alpha1
        kind: Scenario
        metadata:
          name: mixed
        spec:
          description: two pools, one node, three pods
          seed: 7
          duration: 1h30m
          profile: default
          metricsInterval: 30s
          kubelet:
            imagePullBandwidth: 50Mi
            containerStartTime: 2s
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata:
          name: batch-low
        value: 100
        globalDefault: true
        ---
        apiVersion: ksim.dev/v1alpha1
        kind: NodePool
        metadata:
          name: gpu
        spec:
          count: 2
          pricePerHour: 3.5
          template:
            metadata:
              labels:
                nvidia.com/gpu.product: A100-SXM4-40GB
            spec:
              taints:
              - key: nvidia.com/gpu
                value: present
                effect: NoSchedule
            capacity:
              cpu: "32"
              memory: 128Gi
              nvidia.com/gpu: 4
            allocatable:
              cpu: 31500m
              memory: 120Gi
              nvidia.com/gpu: 4
            images: [pytorch:2.3]
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: edge-1
          labels:
            topology.kubernetes.io/zone: zone-b
        spec:
          unschedulable: true
        status:
          capacity:
            cpu: 4
            memory: 16Gi
            pods: 20
          images:
          - names: [nginx:1.27, docker.io/library/nginx:1.27]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: train-0
          namespace: ml
          labels: {app: train}
          annotations:
            ksim.dev/submit-at: 10m
            ksim.dev/duration: 45m
            ksim.dev/image-size: 12Gi
            team: research
        spec:
          priorityClassName: system-cluster-critical
          nodeSelector:
            nvidia.com/gpu.product: A100-SXM4-40GB
          tolerations:
          - key: nvidia.com/gpu
            operator: Exists
            effect: NoSchedule
          - key: node.kubernetes.io/unreachable
            operator: Exists
            effect: NoExecute
            tolerationSeconds: 300
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions:
                  - {key: nvidia.com/gpu.product, operator: In, values: [A100-SXM4-40GB]}
                  matchFields:
                  - {key: metadata.name, operator: NotIn, values: [gpu-1]}
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 20
                preference:
                  matchExpressions:
                  - {key: topology.kubernetes.io/zone, operator: Exists}
          initContainers:
          - name: fetch
            image: busybox
            resources:
              requests: {cpu: "4", memory: 1Gi}
          containers:
          - name: trainer
            image: pytorch:2.3
            env: [{name: EPOCHS, value: "90"}]
            ports: [{containerPort: 8080}]
            resources:
              limits:
                nvidia.com/gpu: 2
                memory: 64Gi
              requests:
                cpu: 1500m
          - name: sidecar
            image: busybox
            resources:
              requests: {cpu: 100m, memory: 64Mi}
          restartPolicy: OnFailure
          terminationGracePeriodSeconds: 5
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
        """;

    [Fact]
    public void Scenario_document_sets_the_run_settings()
    {
        var s = ScenarioFiles.Valid(FullScenario);
        Assert.Equal("mixed", s.Name);
        Assert.Equal("two pools, one node, three pods", s.Description);
        Assert.Equal(7UL, s.Seed);
        Assert.Equal(SimDuration.FromMinutes(90), s.Duration);
        Assert.Equal("default", s.Profile);
        Assert.Equal(SimDuration.FromSeconds(30), s.MetricsInterval);
        Assert.Equal(50L * 1024 * 1024, s.ImagePullBytesPerSecond);
        Assert.Equal(SimDuration.FromSeconds(2), s.ContainerStartTime);
        Assert.Single(s.SourceFiles);
    }

    [Fact]
    public void Node_pools_expand_in_file_order_before_later_nodes()
    {
        var s = ScenarioFiles.Valid(FullScenario);
        Assert.Equal(["gpu-0", "gpu-1", "edge-1"], s.Nodes.Select(n => n.Name));

        var gpu1 = s.Nodes[1];
        Assert.Equal("gpu", gpu1.Pool);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nvidia.com/gpu.product"] = "A100-SXM4-40GB",
            ["kubernetes.io/hostname"] = "gpu-1",
            ["ksim.dev/node-pool"] = "gpu",
        }, gpu1.Metadata.Labels);
        Assert.Equal("cpu=32000,memory=137438953472,nvidia.com/gpu=4,pods=110", gpu1.Status.Capacity.ToString());
        Assert.Equal("cpu=31500,memory=128849018880,nvidia.com/gpu=4,pods=110", gpu1.Status.Allocatable.ToString());
        Assert.Equal([new Taint("nvidia.com/gpu", "present", TaintEffect.NoSchedule)], gpu1.Spec.Taints);
        Assert.False(gpu1.Spec.Unschedulable);
        Assert.Equal(["pytorch:2.3"], gpu1.Status.Images);
        Assert.NotSame(s.Nodes[0].Status, gpu1.Status);
    }

    [Fact]
    public void Node_document_keeps_its_labels_and_defaults_allocatable_to_capacity()
    {
        var edge = ScenarioFiles.Valid(FullScenario).Nodes[2];
        Assert.Equal("", edge.Pool);
        Assert.Equal(new Dictionary<string, string>
        {
            ["topology.kubernetes.io/zone"] = "zone-b",
            ["kubernetes.io/hostname"] = "edge-1",
        }, edge.Metadata.Labels);
        Assert.True(edge.Spec.Unschedulable);
        Assert.Equal("cpu=4000,memory=17179869184,pods=20", edge.Status.Capacity.ToString());
        Assert.Equal(edge.Status.Capacity.ToString(), edge.Status.Allocatable.ToString());
        Assert.Equal(["docker.io/library/nginx:1.27", "nginx:1.27"], edge.Status.Images.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pod_converts_resources_scheduling_constraints_and_workload()
    {
        var s = ScenarioFiles.Valid(FullScenario);
        Assert.Equal(2, s.Pods.Count);
        var (submitAt, pod) = (s.Pods[0].SubmitAt, s.Pods[0].Pod);
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(10), submitAt);
        Assert.Equal("ml/train-0", pod.Key);
        Assert.Equal(SimDuration.FromMinutes(45), pod.Workload.Duration);
        Assert.Equal(12L << 30, pod.Workload.ImageSizeBytes);
        Assert.Equal("research", pod.Metadata.Annotations["team"]);
        Assert.Equal("train", pod.Metadata.Labels["app"]);

        var trainer = pod.Spec.Containers[0];
        Assert.Equal("pytorch:2.3", trainer.Image);
        // A limit without a request sets the request (Kubernetes defaulting).
        Assert.Equal("cpu=1500,memory=68719476736,nvidia.com/gpu=2", trainer.Requests.ToString());
        Assert.Equal("memory=68719476736,nvidia.com/gpu=2", trainer.Limits.ToString());
        Assert.Equal("fetch", pod.Spec.InitContainers[0].Name);
        // Sum of containers, at least the largest init container.
        Assert.Equal("cpu=4000,memory=68786585600,nvidia.com/gpu=2", pod.Requests.ToString());

        Assert.Equal("A100-SXM4-40GB", pod.Spec.NodeSelector["nvidia.com/gpu.product"]);
        Assert.Equal(
            [
                new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule),
                new Toleration("node.kubernetes.io/unreachable", TolerationOperator.Exists, "", TaintEffect.NoExecute, 300),
            ],
            pod.Spec.Tolerations);

        var required = Assert.Single(pod.Spec.Affinity.Required!);
        var expression = Assert.Single(required.MatchExpressions);
        Assert.Equal(("nvidia.com/gpu.product", NodeSelectorOperator.In), (expression.Key, expression.Operator));
        Assert.Equal(["A100-SXM4-40GB"], expression.Values);
        var field = Assert.Single(required.MatchFields);
        Assert.Equal(("metadata.name", NodeSelectorOperator.NotIn, "gpu-1"), (field.Key, field.Operator, field.Values[0]));
        var preferred = Assert.Single(pod.Spec.Affinity.Preferred);
        Assert.Equal(20, preferred.Weight);
        Assert.Equal(NodeSelectorOperator.Exists, preferred.Preference.MatchExpressions[0].Operator);

        Assert.Equal("system-cluster-critical", pod.Spec.PriorityClassName);
        Assert.Equal(2_000_000_000, pod.Spec.Priority);
        Assert.Equal(RestartPolicy.OnFailure, pod.Spec.RestartPolicy);
        Assert.Equal(SimDuration.FromSeconds(5), pod.Spec.TerminationGracePeriod);
        Assert.Equal("default-scheduler", pod.Spec.SchedulerName);
    }

    [Fact]
    public void Pod_without_anything_special_gets_Kubernetes_defaults_and_the_global_default_priority()
    {
        var (submitAt, web) = (ScenarioFiles.Valid(FullScenario).Pods[1].SubmitAt, ScenarioFiles.Valid(FullScenario).Pods[1].Pod);
        Assert.Equal(SimTime.Zero, submitAt);
        Assert.Equal("default/web", web.Key);
        Assert.Same(Workload.Default, web.Workload);
        Assert.Equal("batch-low", web.Spec.PriorityClassName);
        Assert.Equal(100, web.Spec.Priority);
        Assert.Equal(RestartPolicy.Always, web.Spec.RestartPolicy);
        Assert.Equal(SimDuration.FromSeconds(30), web.Spec.TerminationGracePeriod);
        Assert.Equal(0, web.Requests.Count);
        Assert.Same(NodeAffinity.None, web.Spec.Affinity);
    }

    [Fact]
    public void Without_a_Scenario_document_the_file_name_and_ksim_defaults_apply()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: busybox}]
            """);
        Assert.Equal("x", s.Name);
        Assert.Equal(1UL, s.Seed);
        Assert.Null(s.Duration);
        Assert.Equal("default", s.Profile);
        Assert.Equal(SimDuration.FromSeconds(10), s.MetricsInterval);
        Assert.Empty(s.Nodes);
    }

    [Fact]
    public void Empty_documents_and_comments_are_skipped()
    {
        var s = ScenarioFiles.Valid("""
            # a comment-only document
            ---
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers: [{name: c, image: busybox}]
            ---
            """);
        Assert.Single(s.Pods);
    }

    [Fact]
    public void Priority_classes_may_come_after_the_pods_that_use_them()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              priorityClassName: high
              containers: [{name: c, image: busybox}]
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            preemptionPolicy: Never
            """);
        var pod = s.Pods[0].Pod;
        Assert.Equal(1000, pod.Spec.Priority);
        Assert.Equal(PreemptionPolicy.Never, pod.Spec.PreemptionPolicy);
    }

    [Fact]
    public void Aliases_are_resolved_within_a_document()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: busybox
                resources: &small
                  requests: {cpu: 250m}
              - name: b
                image: busybox
                resources: *small
            """);
        Assert.Equal("cpu=500", s.Pods[0].Pod.Requests.ToString());
    }
}
