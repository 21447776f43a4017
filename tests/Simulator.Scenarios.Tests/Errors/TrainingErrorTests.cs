namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Training annotations that do not make a training pod, with the exact error each gives.</summary>
public class TrainingErrorTests
{
    private const string PodHead = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: train\n";
    private const string GpuContainer = "spec:\n  restartPolicy: Never\n  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 1}}}]\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "model without steps",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64}\n" + GpuContainer,
            ["x.yaml:5:17: metadata.annotations.ksim.dev/model: ksim.dev/model needs ksim.dev/steps: a training pod names its model and how many steps it trains"]
        },
        {
            "steps without a model",
            PodHead + "  annotations: {ksim.dev/steps: \"100\"}\n" + GpuContainer,
            ["x.yaml:5:17: metadata.annotations.ksim.dev/steps: ksim.dev/steps needs ksim.dev/model: a training pod names its model and how many steps it trains"]
        },
        {
            "no accelerator",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: \"100\"}\n"
                + "spec:\n  restartPolicy: Never\n  containers: [{name: t, image: pytorch, resources: {limits: {cpu: \"4\"}}}]\n",
            ["x.yaml:5:17: metadata.annotations.ksim.dev/model: a training pod must request an accelerator: nvidia.com/gpu, ksim.dev/gpu-milli or google.com/tpu in its containers' resources"]
        },
        {
            "a duration too",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: \"100\", ksim.dev/duration: 1h}\n" + GpuContainer,
            ["x.yaml:5:71: metadata.annotations.ksim.dev/duration: ksim.dev/duration does not apply to a training pod: it runs until its ksim.dev/steps are done"]
        },
        {
            "scatter penalty above 1 and a zero checkpoint interval",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: \"100\", ksim.dev/scatter-penalty: \"1.5\", ksim.dev/checkpoint-every: 0s}\n" + GpuContainer,
            [
                "x.yaml:5:97: metadata.annotations.ksim.dev/scatter-penalty: must be greater than 0 and at most 1 (a speed factor), got \"1.5\"",
                "x.yaml:5:131: metadata.annotations.ksim.dev/checkpoint-every: must be greater than 0, got \"0s\"",
            ]
        },
        {
            "a negative restore time",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: \"100\", ksim.dev/checkpoint-restore: -1m}\n" + GpuContainer,
            ["x.yaml:5:100: metadata.annotations.ksim.dev/checkpoint-restore: must not be negative, got \"-1m\""]
        },
        {
            "a training pod under restartPolicy Always",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: \"100\"}\n"
                + "spec:\n  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 1}}}]\n",
            ["x.yaml:5:17: metadata.annotations.ksim.dev/model: a training pod exits when its steps are done: set restartPolicy to Never or OnFailure (the default, Always, would restart it)"]
        },
        {
            "a training Deployment",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: train}
            spec:
              replicas: 2
              selector: {matchLabels: {app: train}}
              template:
                metadata:
                  labels: {app: train}
                  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: "100"}
                spec:
                  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 1}}}]
            """,
            ["x.yaml:10:21: spec.template.metadata.annotations.ksim.dev/model: a training pod exits when its steps are done: run it in a Job or PyTorchJob, not under restartPolicy Always"]
        },
        {
            "a checkpoint interval on a pod that does not train",
            PodHead + "  annotations: {ksim.dev/checkpoint-every: 10m}\n" + GpuContainer,
            ["x.yaml:5:17: metadata.annotations.ksim.dev/checkpoint-every: ksim.dev/checkpoint-every only applies to a training pod: add ksim.dev/model and ksim.dev/steps"]
        },
        {
            "completions other than parallelism",
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: train}
            spec:
              parallelism: 2
              completions: 4
              template:
                metadata:
                  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: "100"}
                spec:
                  restartPolicy: Never
                  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 1}}}]
            """,
            ["x.yaml:6:16: spec.completions: Invalid value: 4: must equal parallelism (2) for a training Job (ksim.dev/model): its 2 workers train together and all complete when the steps are done"]
        },
        {
            "the model on the Job instead of its template",
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: train, annotations: {ksim.dev/model: resnet50-bs64}}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 1}}}]
            """,
            ["x.yaml:3:39: metadata.annotations.ksim.dev/model: ksim.dev/model describes the pods: put it in spec.template.metadata.annotations"]
        },
        {
            "an unknown model",
            PodHead + "  annotations: {ksim.dev/model: transfomer, ksim.dev/steps: \"100\"}\n" + GpuContainer,
            ["x.yaml:5:33: metadata.annotations.ksim.dev/model: unknown model \"transfomer\" in the throughput table; did you mean \"Transformer\"? (known: A3C, CycleGAN, LM, Recommendation, ResNet-18, ResNet-50, Transformer; a Scenario's spec.throughputTable can add rows)"]
        },
        {
            "a model one digit off, compared by letters and digits as names are matched",
            PodHead + "  annotations: {ksim.dev/model: resnet51, ksim.dev/steps: \"100\"}\n" + GpuContainer,
            ["x.yaml:5:33: metadata.annotations.ksim.dev/model: unknown model \"resnet51\" in the throughput table; did you mean \"ResNet-50\"? (known: A3C, CycleGAN, LM, Recommendation, ResNet-18, ResNet-50, Transformer; a Scenario's spec.throughputTable can add rows)"]
        },
        {
            "a GPU count the table does not have",
            PodHead + "  annotations: {ksim.dev/model: resnet50-bs64, ksim.dev/steps: \"100\"}\n"
                + "spec:\n  restartPolicy: Never\n  containers: [{name: t, image: pytorch, resources: {limits: {nvidia.com/gpu: 3}}}]\n",
            ["x.yaml:5:33: metadata.annotations.ksim.dev/model: the throughput table has no rate for ResNet-50 (batch size 64) on 3 accelerators (3 per pod); it has ResNet-50 (batch size 64) on 1, 2, 4 or 8 accelerators"]
        },
        {
            "bad rows in the throughput table section",
            """
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            metadata: {name: t}
            spec:
              throughputTable:
                rows:
                - {model: bert, accelerators: 0, accelerator: a100, stepsPerSecond: 3}
                - {model: bert, accelerator: a100, stepsPerSecond: -1, speed: 2}
            """,
            [
                "x.yaml:7:35: spec.throughputTable.rows[0].accelerators: must be between 1 and 1000000, got \"0\"",
                "x.yaml:8:7: spec.throughputTable.rows[1].accelerators: Required value: how many accelerators the rate is for, e.g. 8",
                "x.yaml:8:56: spec.throughputTable.rows[1].stepsPerSecond: must not be negative, got \"-1\"",
                "x.yaml:8:60: spec.throughputTable.rows[1].speed: unknown field \"speed\" (known: model, accelerators, accelerator, stepsPerSecond)",
            ]
        },
        {
            "a missing table file",
            "apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nspec:\n  throughputTable: {file: a100.csv}\n",
            ["x.yaml:4:27: spec.throughputTable.file: file \"a100.csv\" not found next to the scenario file"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_training_pod_or_table_is_reported_where_it_is_written(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
