namespace Simulator.Scenarios.Tests.Errors;

/// <summary>PyTorchJobs that training-operator's validation (or ksim's strict reading) rejects, with the exact error each gives.</summary>
public class PyTorchJobErrorTests
{
    private const string Head = "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: train}\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "unknown replica type",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Chief:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:6:5: spec.pytorchReplicaSpecs.Chief: Unsupported value: \"Chief\": supported values: \"Master\", \"Worker\" (a PyTorchJob's replica types)"]
        },
        {
            "two masters",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Master:
                  replicas: 2
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:7:17: spec.pytorchReplicaSpecs.Master.replicas: Invalid value: 2: there must be only 1 master replica"]
        },
        {
            "unknown field in the run policy",
            Head + """
            spec:
              runPolicy: {backofLimit: 3}
              pytorchReplicaSpecs:
                Worker:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:5:15: spec.runPolicy.backofLimit: unknown field \"backofLimit\"; did you mean \"backoffLimit\"?"]
        },
        {
            "unknown field in a replica",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Worker:
                  replica: 3
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:7:7: spec.pytorchReplicaSpecs.Worker.replica: unknown field \"replica\"; did you mean \"replicas\"?"]
        },
        {
            "no replicas at all",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Worker:
                  replicas: 0
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:6:5: spec.pytorchReplicaSpecs: Invalid value: the job has no replicas: give a Master or at least one Worker"]
        },
        {
            "bad restart policy and clean pod policy",
            Head + """
            spec:
              runPolicy: {cleanPodPolicy: Sometimes}
              pytorchReplicaSpecs:
                Worker:
                  restartPolicy: Maybe
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            [
                "x.yaml:5:31: spec.runPolicy.cleanPodPolicy: Unsupported value: \"Sometimes\": supported values: \"None\", \"Running\", \"All\"",
                "x.yaml:8:22: spec.pytorchReplicaSpecs.Worker.restartPolicy: Unsupported value: \"Maybe\": supported values: \"Always\", \"OnFailure\", \"Never\", \"ExitCode\"",
            ]
        },
        {
            "a gang larger than the job",
            Head + """
            spec:
              runPolicy: {schedulingPolicy: {minAvailable: 5}}
              pytorchReplicaSpecs:
                Worker:
                  replicas: 4
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:5:48: spec.runPolicy.schedulingPolicy.minAvailable: must be between 1 and 4, got \"5\""]
        },
        {
            "no pytorch container",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Worker:
                  template:
                    spec:
                      containers: [{name: main, image: pytorch:2.4}]
            """,
            ["x.yaml:9:23: spec.pytorchReplicaSpecs.Worker.template.spec.containers: Invalid value: there is no container named \"pytorch\" in Worker (training-operator requires one)"]
        },
        {
            "name that is not a DNS-1035 label",
            "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: 1st-run}\n" + """
            spec:
              pytorchReplicaSpecs:
                Worker:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4}]
            """,
            ["x.yaml:3:18: metadata.name: Invalid value: \"1st-run\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]
        },
        {
            "unknown field in a template, through the pod reader",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Worker:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resurces: {}}]
            """,
            ["x.yaml:9:60: spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resurces: unknown field \"resurces\"; did you mean \"resources\"?"]
        },
        {
            "a bad quantity in a template, with the pod reader's message",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Worker:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {cpu: 1x}}}]
            """,
            ["x.yaml:9:86: spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resources.limits.cpu: invalid quantity \"1x\": unexpected \"x\" (use a number with an optional suffix: m, k, M, G, Ki, Mi, Gi, ... or an exponent like 1e3)"]
        },
        {
            "a master that does not train with its workers",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Master:
                  template:
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {nvidia.com/gpu: 1}}}]
                Worker:
                  replicas: 3
                  template:
                    metadata:
                      annotations: {ksim.dev/model: ResNet-50, ksim.dev/steps: "1000"}
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {nvidia.com/gpu: 1}}}]
            """,
            ["x.yaml:14:24: spec.pytorchReplicaSpecs.Worker.template.metadata.annotations: Invalid value: Worker trains ResNet-50 for 1000 steps but Master is not a training pod: a PyTorchJob's replicas train together, so every replica needs the same ksim.dev/model and ksim.dev/steps"]
        },
        {
            "master and workers add up to a GPU count the throughput table lacks",
            Head + """
            spec:
              pytorchReplicaSpecs:
                Master:
                  template:
                    metadata:
                      annotations: {ksim.dev/model: ResNet-50, ksim.dev/steps: "1000"}
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {nvidia.com/gpu: 1}}}]
                Worker:
                  replicas: 2
                  template:
                    metadata:
                      annotations: {ksim.dev/model: ResNet-50, ksim.dev/steps: "1000"}
                    spec:
                      containers: [{name: pytorch, image: pytorch:2.4, resources: {limits: {nvidia.com/gpu: 1}}}]
            """,
            ["x.yaml:9:41: spec.pytorchReplicaSpecs.Master.template.metadata.annotations.ksim.dev/model: the throughput table has no rate for ResNet-50 (batch size 16) on 3 accelerators (3 workers x 1 per pod); it has ResNet-50 (batch size 16) on 1, 2, 4 or 8 accelerators"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_PyTorchJob_is_reported_where_it_is_written(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
