namespace Simulator.Scenarios.Tests.Errors;

/// <summary>WorkloadGenerators that are wrong, with the exact error each gives.</summary>
public class WorkloadGeneratorErrorTests
{
    private const string Header = "apiVersion: ksim.dev/v1alpha1\nkind: WorkloadGenerator\nmetadata: {name: gavel}\nspec:\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "negative rate",
            Header + "  rate: -2\n  jobs: 10\n",
            ["x.yaml:5:9: spec.rate: must not be negative, got \"-2\""]
        },
        {
            "negative rate in a step, steps out of order",
            Header + "  steps: [{at: 1h, rate: 1}, {at: 30m, rate: -1}]\n  jobs: 10\n",
            [
                "x.yaml:5:35: spec.steps[1].at: must be later than the previous step (1h0m0s), got \"30m\"",
                "x.yaml:5:46: spec.steps[1].rate: must not be negative, got \"-1\"",
            ]
        },
        {
            "both rate and steps",
            Header + "  rate: 1\n  steps: [{at: 0s, rate: 1}]\n  jobs: 10\n",
            ["x.yaml:6:3: spec.steps: Forbidden: only one of rate and steps may be set, and rate already is"]
        },
        {
            "no rate, no limit",
            Header + "  models: {resnet50: 1}\n",
            [
                "x.yaml:5:3: spec: Required value: rate (jobs per hour) or steps, e.g. rate: 2",
                "x.yaml:5:3: spec: Required value: jobs (how many to create) or until (when to stop), so that the generator ends",
            ]
        },
        {
            "mix weights that add up to 0",
            Header + "  rate: 1\n  jobs: 10\n  gpus: {1: 0, 2: 0}\n  models: {resnet50: 0}\n",
            [
                "x.yaml:7:9: spec.gpus: the weights must add up to more than 0",
                "x.yaml:8:11: spec.models: the weights must add up to more than 0",
            ]
        },
        {
            "unknown model in the mix",
            Header + "  rate: 1\n  jobs: 10\n  models: {resnet50: 1, resnet5O: 1}\n",
            ["x.yaml:7:25: spec.models.resnet5O: unknown model \"resnet5O\" in the throughput table; did you mean \"ResNet-50\"? (known: A3C, CycleGAN, LM, Recommendation, ResNet-18, ResNet-50, Transformer; a Scenario's spec.throughputTable can add rows)"]
        },
        {
            "a GPU count no model of the mix can be timed at",
            Header + "  rate: 1\n  jobs: 10\n  models: {a3c: 1}\n  gpus: {1: 0.5, 2: 0.5}\n",
            ["x.yaml:8:18: spec.gpus.2: no model of the mix has a v100 row in the throughput table for 2 GPU(s), so a job's length cannot be converted to steps"]
        },
        {
            "bad GPU count, bad duration band",
            Header + "  rate: 1\n  jobs: 10\n  gpus: {0: 1, two: 1}\n  durations: [{weight: 1, min: 2h, max: 1h}, {min: 1h, max: 2h}]\n",
            [
                "x.yaml:7:10: spec.gpus.0: a GPU count must be an integer from 1 to 1024, got \"0\"",
                "x.yaml:7:16: spec.gpus.two: a GPU count must be an integer from 1 to 1024, got \"two\"",
                "x.yaml:8:41: spec.durations[0].max: must not be shorter than min (2h0m0s), got \"1h\"",
                "x.yaml:8:46: spec.durations[1].weight: Required value",
            ]
        },
        {
            "measure window past the last job, until before start",
            Header + "  rate: 1\n  jobs: 100\n  start: 2h\n  until: 1h\n  measure: {fromJob: 50, toJob: 200}\n",
            [
                "x.yaml:8:10: spec.until: must be later than start (2h0m0s), got \"1h\"",
                "x.yaml:9:33: spec.measure.toJob: must not be greater than jobs (100): the window would wait for jobs that never arrive, got \"200\"",
            ]
        },
        {
            "template with an unknown field and an unknown priority class",
            Header + "  rate: 1\n  jobs: 10\n  template: {cpuPerGpu: 4, gpus: 2, priorityClassName: urgent}\n",
            [
                "x.yaml:7:28: spec.template.gpus: unknown field \"gpus\" (known: labels, image, cpuPerGpu, memoryPerGpu, nodeSelector, tolerations, priorityClassName, checkpointEvery, checkpointRestore)",
                "x.yaml:7:56: spec.template.priorityClassName: no PriorityClass with name urgent was found",
            ]
        },
        {
            "name too long for its jobs' names",
            "apiVersion: ksim.dev/v1alpha1\nkind: WorkloadGenerator\nmetadata: {name: " + new string('a', 60) + "}\nspec: {rate: 1, jobs: 1}\n",
            ["x.yaml:3:18: metadata.name: must be no more than 54 characters, so that \"<name>-<index>\" is a valid Job name"]
        },
        {
            "two generators with one name",
            Header + "  rate: 1\n  jobs: 1\n---\n" + Header + "  rate: 1\n  jobs: 1\n",
            ["x.yaml:10:18: metadata.name: workload generator \"gavel\" already exists (first defined at line 3)"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);
}
