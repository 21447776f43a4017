namespace Simulator.Scenarios.Tests.Errors;

/// <summary>ksim.dev annotations on pods that are misspelled or out of range, with the exact error each gives.</summary>
public class AnnotationErrorTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "unknown ksim.dev annotation",
            Pod + """
            metadata:
              name: p
              annotations:
                ksim.dev/durration: 5m
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:6:5: metadata.annotations.ksim.dev/durration: unknown ksim.dev annotation \"ksim.dev/durration\"; did you mean \"ksim.dev/duration\"? (known: ksim.dev/checkpoint-every, ksim.dev/checkpoint-restore, ksim.dev/concurrency, ksim.dev/duration, ksim.dev/failure-probability, ksim.dev/failure-rate, ksim.dev/image-size, ksim.dev/lb-mode, ksim.dev/model, ksim.dev/queue-limit, ksim.dev/request-cost, ksim.dev/scatter-penalty, ksim.dev/slo-latency, ksim.dev/steps, ksim.dev/submit-at)"]
        },
        {
            "failure probability above 1, failure rate that is not a number",
            Pod + """
            metadata:
              name: p
              annotations:
                ksim.dev/failure-probability: "1.5"
                ksim.dev/failure-rate: often
            spec:
              containers: [{name: c, image: busybox}]
            """,
            [
                "x.yaml:6:35: metadata.annotations.ksim.dev/failure-probability: must be between 0 and 1, got \"1.5\"",
                "x.yaml:7:28: metadata.annotations.ksim.dev/failure-rate: must be a number, got \"often\"",
            ]
        },
        {
            "failure probability without a duration",
            Pod + """
            metadata:
              name: p
              annotations: {ksim.dev/failure-probability: "0.2"}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:5:47: metadata.annotations.ksim.dev/failure-probability: needs ksim.dev/duration: a pod that runs until deleted has no run to fail part-way through (use ksim.dev/failure-rate for a rate per hour)"]
        },
        {
            "negative failure rate and probability",
            Pod + """
            metadata:
              name: p
              annotations: {ksim.dev/failure-rate: "-2", ksim.dev/failure-probability: "-0.1"}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            [
                "x.yaml:5:40: metadata.annotations.ksim.dev/failure-rate: must not be negative, got \"-2\"",
                "x.yaml:5:76: metadata.annotations.ksim.dev/failure-probability: must not be negative, got \"-0.1\"",
            ]
        },
        {
            "misspelled failure annotation",
            Pod + """
            metadata:
              name: p
              annotations: {ksim.dev/failure-probablity: "0.5"}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:5:17: metadata.annotations.ksim.dev/failure-probablity: unknown ksim.dev annotation \"ksim.dev/failure-probablity\"; did you mean \"ksim.dev/failure-probability\"? (known: ksim.dev/checkpoint-every, ksim.dev/checkpoint-restore, ksim.dev/concurrency, ksim.dev/duration, ksim.dev/failure-probability, ksim.dev/failure-rate, ksim.dev/image-size, ksim.dev/lb-mode, ksim.dev/model, ksim.dev/queue-limit, ksim.dev/request-cost, ksim.dev/scatter-penalty, ksim.dev/slo-latency, ksim.dev/steps, ksim.dev/submit-at)"]
        },
        {
            "invalid submit time",
            Pod + """
            metadata:
              name: p
              annotations: {ksim.dev/submit-at: soon}
            spec:
              containers: [{name: c, image: busybox}]
            """,
            ["x.yaml:5:37: metadata.annotations.ksim.dev/submit-at: invalid duration \"soon\": expected a number at position 1 (use Go syntax such as \"90s\", \"5m\", \"1h30m\")"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
