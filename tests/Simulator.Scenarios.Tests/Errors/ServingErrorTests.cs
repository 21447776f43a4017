namespace Simulator.Scenarios.Tests.Errors;

/// <summary>Services, HPAs, Traffic and serving annotations that are wrong, with the exact error each gives.</summary>
public class ServingErrorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: c, image: nginx}]
        ---

        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        ---

        """;

    private const string Traffic = "apiVersion: ksim.dev/v1alpha1\nkind: Traffic\nmetadata: {name: load}\n";

    private const string Hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "traffic aimed at a service that does not exist",
            Service + Traffic + "spec:\n  target: wbe.default.svc.cluster.local\n  rate: 5\n",
            ["x.yaml:12:11: spec.target: service \"wbe\" not found in namespace \"default\"; did you mean \"web\"?"]
        },
        {
            "traffic in another namespace does not see the service",
            Service + "apiVersion: ksim.dev/v1alpha1\nkind: Traffic\nmetadata: {name: load, namespace: other}\nspec: {target: web, rate: 5}\n",
            ["x.yaml:11:16: spec.target: service \"web\" not found in namespace \"other\""]
        },
        {
            "negative rate",
            Service + Traffic + "spec:\n  target: web\n  rate: -5\n",
            ["x.yaml:13:9: spec.rate: must not be negative, got \"-5\""]
        },
        {
            "negative diurnal base, steps out of order",
            Service + Traffic + "spec:\n  target: web\n  diurnal: {base: -1, amplitude: 5}\n---\n" + Traffic.Replace("load", "steps", StringComparison.Ordinal)
                + "spec:\n  target: web\n  steps: [{at: 1h, rate: 1}, {at: 30m, rate: 2}]\n",
            [
                "x.yaml:13:19: spec.diurnal.base: must not be negative, got \"-1\"",
                "x.yaml:20:35: spec.steps[1].at: must be later than the previous step (1h0m0s), got \"30m\"",
            ]
        },
        {
            "no pattern, two patterns",
            Service + Traffic + "spec:\n  target: web\n---\n" + Traffic.Replace("load", "two", StringComparison.Ordinal)
                + "spec:\n  target: web\n  rate: 1\n  bursts: {base: 1, peak: 2, every: 1m, length: 2m}\n",
            [
                "x.yaml:12:3: spec: Required value: one rate pattern (rate, steps, diurnal, bursts, replay), e.g. rate: 50",
                "x.yaml:20:3: spec.bursts: Forbidden: only one rate pattern may be set, and rate already is",
            ]
        },
        {
            "replay of a csv that is not there",
            Service + Traffic + "spec:\n  target: web\n  replay: {file: missing.csv}\n",
            ["x.yaml:13:18: spec.replay.file: file \"missing.csv\" not found next to the scenario file"]
        },
        {
            "hpa aimed at a missing deployment",
            Deployment + Hpa + "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  maxReplicas: 3\n",
            ["x.yaml:15:65: spec.scaleTargetRef.name: Deployment \"api\" not found in namespace \"default\""]
        },
        {
            "hpa with min above max",
            Deployment + Hpa + "spec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 5\n  maxReplicas: 2\n",
            ["x.yaml:17:16: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`"]
        },
        {
            "hpa on memory, an unknown pods metric, a zero-period policy",
            Deployment + Hpa + """
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 4
              metrics:
              - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}}
              - {type: Pods, pods: {metric: {name: requests_per_secnd}, target: {type: AverageValue, averageValue: "10"}}}
              - {type: External}
              behavior:
                scaleUp:
                  policies: [{type: Pods, value: 0, periodSeconds: 0}]
            """,
            [
                "x.yaml:18:39: spec.metrics[0].resource.name: Unsupported value: \"memory\": supported values: \"cpu\" (ksim measures CPU busy time)",
                "x.yaml:19:40: spec.metrics[1].pods.metric.name: unknown pods metric \"requests_per_secnd\"; did you mean \"requests_per_second\"? (ksim provides: requests_per_second)",
                "x.yaml:20:12: spec.metrics[2].type: Unsupported value: \"External\": supported values: \"Pods\", \"Resource\"",
                "x.yaml:23:38: spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero",
                "x.yaml:23:56: spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be greater than zero",
            ]
        },
        {
            "unknown lb-mode, bad slo, ExternalName",
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations: {ksim.dev/lb-mode: least-connection, ksim.dev/slo-latency: 0s}
            spec: {type: ExternalName, externalName: example.com}
            """,
            [
                "x.yaml:5:35: metadata.annotations.ksim.dev/lb-mode: unknown load-balancing mode \"least-connection\"; did you mean \"least-connections\"? (known: random, round-robin, least-connections)",
                "x.yaml:5:75: metadata.annotations.ksim.dev/slo-latency: must be greater than 0, got \"0s\"",
                "x.yaml:6:14: spec.type: only ClusterIP Services are simulated (NodePort and LoadBalancer are read as ClusterIP); an ExternalName Service has no endpoints to balance over",
            ]
        },
        {
            "service name, cluster ip outside the range, affinity timeout",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: 1web}
            spec:
              ports: [{port: 80}]
              clusterIP: 192.168.0.1
              sessionAffinity: ClientIP
              sessionAffinityConfig: {clientIP: {timeoutSeconds: 90000}}
            """,
            [
                "x.yaml:3:18: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
                "x.yaml:6:14: spec.clusterIP: Invalid value: \"192.168.0.1\": provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12",
                "x.yaml:8:54: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400",
            ]
        },
        {
            "bad request cost, zero concurrency, lb-mode on a pod",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                ksim.dev/request-cost: gamma:20ms
                ksim.dev/concurrency: "0"
                ksim.dev/lb-mode: random
            spec:
              containers: [{name: c, image: busybox}]
            """,
            [
                "x.yaml:6:28: metadata.annotations.ksim.dev/request-cost: unknown distribution \"gamma\" (known: constant, exponential); write e.g. \"20ms\" or \"exponential:20ms\"",
                "x.yaml:7:27: metadata.annotations.ksim.dev/concurrency: must be between 1 and 1000000, got \"0\"",
                "x.yaml:8:5: metadata.annotations.ksim.dev/lb-mode: ksim.dev/lb-mode describes how a Service balances requests: put it in the Service's metadata.annotations",
            ]
        },
        {
            "request cost that is not a duration",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations: {ksim.dev/request-cost: fast}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:5:40: metadata.annotations.ksim.dev/request-cost: invalid duration \"fast\": expected a number at position 1 (use Go syntax such as \"90s\", \"5m\", \"1h30m\")"]
        },
        {
            "an hpa and traffic aimed at objects with errors of their own report only those",
            Deployment.Replace("labels: {app: web}", "labels: {app: website}", StringComparison.Ordinal)
                + Service.Replace("port: 80", "port: 0", StringComparison.Ordinal)
                + Hpa + "spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 2}\n---\n" + Traffic + "spec: {target: web, rate: 1}\n",
            [
                "x.yaml:7:24: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"website\"}: `selector` does not match template `labels`",
                "x.yaml:16:18: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
            ]
        },
        {
            "two unnamed ports, a named target port",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 80}, {port: 81, targetPort: http}]
            """,
            [
                "x.yaml:5:11: spec.ports[0].name: Required value",
                "x.yaml:5:23: spec.ports[1].name: Required value",
                "x.yaml:5:46: spec.ports[1].targetPort: named target port \"http\" is not simulated: give the container's port number",
            ]
        },
        {
            "a duplicate service",
            Service + "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 8080}]}\n",
            ["x.yaml:10:18: metadata.name: services \"web\" already exists (first defined at line 3)"]
        },
        {
            "request cost on a service",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, annotations: {ksim.dev/request-cost: 20ms}}
            spec: {ports: [{port: 80}]}
            """,
            ["x.yaml:3:37: metadata.annotations.ksim.dev/request-cost: ksim.dev/request-cost describes the pods: put it in the pod template of the Deployment the Service selects"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
