namespace Simulator.Scenarios.Tests.Errors;

/// <summary>ksim.dev/gpu-milli requests that cannot be a share of one GPU, with the exact error each gives.</summary>
public class GpuShareErrorTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "more than one GPU as a share",
            Pod + """
            spec:
              containers:
              - name: c
                image: busybox
                resources: {limits: {ksim.dev/gpu-milli: 1001}}
            """,
            ["x.yaml:8:46: spec.containers[0].resources.limits.ksim.dev/gpu-milli: must be at most 1000 (one whole GPU), got \"1001\"; ask for nvidia.com/gpu for more"]
        },
        {
            "a zero share",
            Pod + """
            spec:
              containers:
              - name: c
                image: busybox
                resources: {limits: {ksim.dev/gpu-milli: 0}}
            """,
            ["x.yaml:8:46: spec.containers[0].resources.limits.ksim.dev/gpu-milli: must be at least 1 (a thousandth of a GPU), got \"0\""]
        },
        {
            "a share that is not an integer",
            Pod + """
            spec:
              containers:
              - name: c
                image: busybox
                resources: {limits: {ksim.dev/gpu-milli: 2.5}}
            """,
            ["x.yaml:8:46: spec.containers[0].resources.limits.ksim.dev/gpu-milli: must be an integer, got \"2.5\""]
        },
        {
            "whole GPUs and a share in one container",
            Pod + """
            spec:
              containers:
              - name: c
                image: busybox
                resources: {limits: {nvidia.com/gpu: 1, ksim.dev/gpu-milli: 300}}
            """,
            ["x.yaml:8:65: spec.containers[0].resources.limits.ksim.dev/gpu-milli: may not be combined with nvidia.com/gpu in one pod: ask for whole GPUs or a share of one GPU, not both"]
        },
        {
            "whole GPUs in one container and a share in another",
            Pod + """
            spec:
              containers:
              - {name: a, image: busybox, resources: {limits: {nvidia.com/gpu: 1}}}
              - {name: b, image: busybox, resources: {limits: {ksim.dev/gpu-milli: 300}}}
            """,
            ["x.yaml:7:72: spec.containers[1].resources.limits.ksim.dev/gpu-milli: may not be combined with nvidia.com/gpu in one pod: ask for whole GPUs or a share of one GPU, not both"]
        },
        {
            "two containers whose shares add up to more than one GPU",
            Pod + """
            spec:
              containers:
              - {name: a, image: busybox, resources: {limits: {ksim.dev/gpu-milli: 600}}}
              - {name: b, image: busybox, resources: {limits: {ksim.dev/gpu-milli: 500}}}
            """,
            ["x.yaml:7:72: spec.containers[1].resources.limits.ksim.dev/gpu-milli: the pod's containers ask for 1100 in total, more than one GPU (1000); a share must fit on one GPU, ask for nvidia.com/gpu for more"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_errors(string name, string yaml, string[] expected) =>
        ScenarioFiles.AssertErrors(name, yaml, expected);

    [Fact]
    public void A_share_of_one_to_1000_loads()
    {
        var scenario = ScenarioFiles.Valid(Pod + """
            spec:
              containers:
              - {name: a, image: busybox, resources: {limits: {ksim.dev/gpu-milli: 400}}}
              - {name: b, image: busybox, resources: {limits: {ksim.dev/gpu-milli: 600}}}
            """);
        Assert.Equal(1000, Assert.Single(scenario.Pods).Pod.Requests.Get("ksim.dev/gpu-milli"));
    }
}
