namespace Simulator.Cli.Tests.Commands;

/// <summary><c>ksim describe pod</c> on a real run: the pod at a time, with its events up to then.</summary>
public sealed class DescribeCommandTests(KubectlViewRuns runs) : IClassFixture<KubectlViewRuns>
{
    private Task<CliOutcome> Describe(params string[] args) => runs.Cli.RunAsync(["describe", .. args]);

    [Fact]
    public async Task An_evicted_pod_shows_how_long_it_has_been_terminating_and_why()
    {
        var outcome = await Describe("pod", "web-7ffc6ffd5c-5lvmt", runs.SelfHealing, "--at", "1h10m");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(
            "Name:        web-7ffc6ffd5c-5lvmt\n" +
            "Namespace:   default\n" +
            "Priority:    0\n" +
            "Node:        cpu-b-0\n" +
            "Start Time:  0s\n" +
            "Status:      Terminating (lasts 4m10s)\n" +
            "IP:          10.244.2.2\n" +
            "IPs:\n" +
            "  IP:           10.244.2.2\n" +
            "Controlled By:  ReplicaSet/web-7ffc6ffd5c\n" +
            "Events:\n" +
            "  Type     Reason                Age    From                       Message\n" +
            "  ----     ------                ----   ----                       -------\n" +
            "  Normal   Scheduled             70m    default-scheduler          Successfully assigned default/web-7ffc6ffd5c-5lvmt to cpu-b-0\n" +
            "  Normal   Pulled                69m    kubelet                    Successfully pulled image \"nginx:1.27\" in 700ms\n" +
            "  Normal   Started               69m    kubelet                    Started container nginx\n" +
            "  Warning  NodeNotReady          9m10s  node-controller            Node is not ready\n" +
            "  Normal   TaintManagerEviction  4m10s  taint-eviction-controller  Marking for deletion Pod default/web-7ffc6ffd5c-5lvmt\n",
            outcome.Out);
    }

    [Fact]
    public async Task Events_after_the_time_are_left_out()
    {
        var outcome = await Describe("pod", "web-7ffc6ffd5c-5lvmt", runs.SelfHealing, "--at", "1s");
        Assert.EndsWith(
            "Events:\n" +
            "  Type    Reason     Age   From               Message\n" +
            "  ----    ------     ----  ----               -------\n" +
            "  Normal  Scheduled  1s    default-scheduler  Successfully assigned default/web-7ffc6ffd5c-5lvmt to cpu-b-0\n",
            outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Status:      Pending\n", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pod_that_is_gone_at_the_time_exits_2_and_says_when_it_existed()
    {
        var outcome = await Describe("pod", "web-7ffc6ffd5c-5lvmt", runs.SelfHealing, "--at", "2h");
        Assert.Equal((2, "ksim: pods \"web-7ffc6ffd5c-5lvmt\" not found in namespace default at 2h0m0s; it existed from 0s until 2h0m0s\n"),
            (outcome.ExitCode, outcome.Error));
    }

    [Fact]
    public async Task A_pod_asked_for_in_the_wrong_namespace_exits_2_and_names_its_namespace()
    {
        var outcome = await Describe("pod", "web-7ffc6ffd5c-nzhcj", runs.SelfHealing, "-n", "ml");
        Assert.Equal((2, "ksim: pods \"web-7ffc6ffd5c-nzhcj\" not found in namespace ml at 3h0m0s; a pod of that name is in namespace default (add -n default)\n"),
            (outcome.ExitCode, outcome.Error));
    }

    [Fact]
    public async Task An_unknown_pod_exits_2_with_close_names()
    {
        var outcome = await Describe("pod", "web-7ffc6ffd5c-5lvmx", runs.SelfHealing);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("ksim: pods \"web-7ffc6ffd5c-5lvmx\" not found in namespace default at 3h0m0s; close names: ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_node_shows_its_ready_condition_pods_and_events()
    {
        var outcome = await Describe("node", "cpu-b-0", runs.SelfHealing, "--at", "1h1m");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(
            "Name:               cpu-b-0\n" +
            "Roles:              <none>\n" +
            "CreationTimestamp:  0s\n" +
            "Unschedulable:      false\n" +
            "Conditions:\n" +
            // As in kubectl: the section lines share the first column's alignment with each other.
            "  Type                Status  LastTransitionTime\n" +
            "  ----                ------  ------------------\n" +
            "  Ready               False   1h0m50s\n" +
            "Non-terminated Pods:  (2 in total)\n" +
            "  Namespace           Name                  Age\n" +
            "  ---------           ----                  ---\n" +
            "  default             web-7ffc6ffd5c-5lvmt  61m\n" +
            "  default             web-7ffc6ffd5c-q79fw  61m\n" +
            "Events:\n" +
            "  Type     Reason          Age   From             Message\n" +
            "  ----     ------          ----  ----             -------\n" +
            "  Normal   RegisteredNode  61m   node-controller  Node cpu-b-0 event: Registered Node cpu-b-0 in Controller\n" +
            "  Warning  NodeFailed      60s   fault-injector   Node cpu-b-0 failed (timeline)\n" +
            "  Normal   NodeNotReady    10s   node-controller  Node cpu-b-0 status is now: NodeNotReady\n",
            outcome.Out);
    }

    [Fact]
    public async Task Only_pods_and_nodes_can_be_described()
    {
        var outcome = await Describe("service", "web", runs.SelfHealing);
        Assert.Equal((2, "ksim: RESOURCE: expected pod or node, got \"service\"\nSee 'ksim describe --help' for usage.\n"), (outcome.ExitCode, outcome.Error));
    }

    [Fact]
    public async Task An_unknown_node_exits_2()
    {
        var outcome = await Describe("node", "cpu-c-0", runs.SelfHealing);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("ksim: nodes \"cpu-c-0\" not found at 3h0m0s; close names: ", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get", "LAST SEEN TYPE REASON OBJECT MESSAGE")]
    [InlineData("describe", "Controlled By")]
    public async Task Help_explains_the_views(string command, string expected)
    {
        var outcome = await runs.Cli.RunAsync(command, "--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains(expected, outcome.Out, StringComparison.Ordinal);
    }
}
