namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Deployments, ReplicaSets and Jobs that a Kubernetes API server would reject, with the exact error each gives.</summary>
public class WorkloadErrorTests
{
    private const string Deployment = "apiVersion: apps/v1\nkind: Deployment\n";
    private const string Job = "apiVersion: batch/v1\nkind: Job\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "selector does not match the template labels",
            Deployment + """
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: website, tier: front}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            ["x.yaml:8:15: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"website\", \"tier\":\"front\"}: `selector` does not match template `labels`"]
        },
        {
            "empty selector",
            Deployment + """
            metadata: {name: web}
            spec:
              selector: {}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            ["x.yaml:5:13: spec.selector: Invalid value: {}: empty selector is invalid for deployment"]
        },
        {
            "missing selector",
            "apiVersion: apps/v1\nkind: ReplicaSet\n" + """
            metadata: {name: web}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            ["x.yaml:5:3: spec.selector: Required value"]
        },
        {
            "maxSurge and maxUnavailable both 0",
            Deployment + """
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              strategy:
                rollingUpdate:
                  maxSurge: 0
                  maxUnavailable: 0%
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            ["x.yaml:9:23: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0"]
        },
        {
            "bad surge numbers and strategy",
            Deployment + """
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              strategy:
                type: Recreate
                rollingUpdate:
                  maxSurge: "1"
                  maxUnavailable: 150%
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            [
                "x.yaml:8:5: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
                "x.yaml:9:17: spec.strategy.rollingUpdate.maxSurge: Invalid value: \"1\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
                "x.yaml:10:23: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"150%\": must not be greater than 100%",
            ]
        },
        {
            "Deployment pods must restart always",
            Deployment + """
            metadata: {name: web}
            spec:
              replicas: -2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: nginx}]
            """,
            [
                "x.yaml:5:13: spec.replicas: Invalid value: -2: must be greater than or equal to 0",
                "x.yaml:10:22: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
            ]
        },
        {
            "Job with restartPolicy Always",
            Job + """
            metadata: {name: train}
            spec:
              template:
                spec:
                  restartPolicy: Always
                  containers: [{name: c, image: pytorch}]
            """,
            ["x.yaml:7:22: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""]
        },
        {
            "Job without restartPolicy is defaulted to Always and rejected",
            Job + """
            metadata: {name: train}
            spec:
              template:
                spec:
                  containers: [{name: c, image: pytorch}]
            """,
            ["x.yaml:7:7: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""]
        },
        {
            "Job counts",
            Job + """
            metadata: {name: train}
            spec:
              parallelism: -1
              backoffLimit: -6
              activeDeadlineSeconds: 0
              completionMode: Indexd
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: pytorch}]
            """,
            [
                "x.yaml:5:16: spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                "x.yaml:6:17: spec.backoffLimit: Invalid value: -6: must be greater than or equal to 0",
                "x.yaml:7:26: spec.activeDeadlineSeconds: Invalid value: 0: must be greater than 0",
                "x.yaml:8:19: spec.completionMode: Unsupported value: \"Indexd\": supported values: \"NonIndexed\", \"Indexed\"",
            ]
        },
        {
            "Indexed Job without completions",
            Job + """
            metadata: {name: train}
            spec:
              parallelism: 2
              completionMode: Indexed
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: pytorch}]
            """,
            ["x.yaml:5:3: spec.completions: Required value: when completion mode is Indexed"]
        },
        {
            "Job selector without manualSelector",
            Job + """
            metadata: {name: train}
            spec:
              selector: {matchLabels: {app: train}}
              template:
                metadata: {labels: {app: train}}
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: pytorch}]
            """,
            ["x.yaml:5:13: spec.selector: `selector` not auto-generated: leave it out (the Job's pods are selected by batch.kubernetes.io/job-name) or set spec.manualSelector: true"]
        },
        {
            "selector operator and values",
            Deployment + """
            metadata: {name: web}
            spec:
              selector:
                matchExpressions:
                - {key: app, operator: Equals, values: [web]}
                - {key: tier, operator: In}
                - {key: canary, operator: Exists, values: ["yes"]}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            [
                "x.yaml:7:28: spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator",
                "x.yaml:8:7: spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "x.yaml:9:47: spec.selector.matchExpressions[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            ]
        },
        {
            "misplaced ksim.dev annotations",
            Job + """
            metadata:
              name: train
              annotations: {ksim.dev/duration: 1h}
            spec:
              template:
                metadata:
                  annotations: {ksim.dev/submit-at: 1h}
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: pytorch}]
            """,
            [
                "x.yaml:5:17: metadata.annotations.ksim.dev/duration: ksim.dev/duration describes the pods: put it in spec.template.metadata.annotations",
                "x.yaml:9:21: spec.template.metadata.annotations.ksim.dev/submit-at: ksim.dev/submit-at says when the object itself is created: put it in the top-level metadata.annotations",
            ]
        },
        {
            "unknown field in a template",
            Deployment + """
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
                  nodeSelecter: {disk: ssd}
            """,
            ["x.yaml:10:7: spec.template.spec.nodeSelecter: unknown field \"nodeSelecter\"; did you mean \"nodeSelector\"?"]
        },
        {
            "fractional GPU in a template",
            Job + """
            metadata: {name: train}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: c
                    image: pytorch
                    resources:
                      limits: {nvidia.com/gpu: 0.5}
            """,
            ["x.yaml:12:36: spec.template.spec.containers[0].resources.limits.nvidia.com/gpu: must be an integer, got \"0.5\""]
        },
        {
            "duplicate Deployment in a namespace",
            Deployment + """
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            ---
            """ + "\n" + Deployment + """
            metadata: {name: web, namespace: default}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: c, image: nginx}]
            """,
            ["x.yaml:13:18: metadata.name: deployments.apps \"web\" already exists (first defined at line 3)"]
        },
        {
            "duplicate Job in a namespace",
            Job + """
            metadata: {name: train}
            spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: pytorch}]}}}
            ---
            """ + "\n" + Job + """
            metadata: {name: train, namespace: default}
            spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: pytorch}]}}}
            """,
            ["x.yaml:8:18: metadata.name: jobs.batch \"train\" already exists (first defined at line 3)"]
        },
        {
            "Deployment without a spec",
            Deployment + "metadata: {name: web}\n",
            ["x.yaml:1:1: spec: Required value"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
