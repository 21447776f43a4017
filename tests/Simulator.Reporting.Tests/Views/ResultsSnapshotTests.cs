using Simulator.Engine;
using Simulator.Reporting.Results;
using Simulator.Reporting.Tests.Results;
using Simulator.Reporting.Views;

namespace Simulator.Reporting.Tests.Views;

/// <summary>
/// The hand-built run of <see cref="SampleRuns"/> read back and shown as kubectl would at chosen
/// times. web-1 runs on node-a from 1.5 s and completes at 61.5 s; web-5d8f-x2k is created at 5 s,
/// bound at 5.5 s, started at 6.5 s on node-b (NotReady from 30 s to 75.5 s), marked for deletion at
/// 60 s and removed at 90 s; ml/train-0 is pending from 10 s; node-c is NotReady from 100 s and
/// removed at 110 s.
/// </summary>
public sealed class ResultsSnapshotTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ResultsFolder _results;

    public ResultsSnapshotTests()
    {
        _results = ResultsFolder.Read(SampleRuns.WriteTo(_temp));
    }

    public void Dispose() => _temp.Dispose();

    private ResultsSnapshot At(double seconds) => new(_results, SimTime.FromSeconds(seconds));

    private static string Print(Func<TextWriter, bool> table)
    {
        using var text = new StringWriter { NewLine = "\n" };
        Assert.True(table(text));
        return text.ToString();
    }

    [Fact]
    public void Reads_the_end_of_the_run_and_every_file_back()
    {
        Assert.Equal(SimTime.FromSeconds(120), _results.End);
        Assert.Equal(["web-1", "train-0", "web-5d8f-x2k"], _results.Pods.Select(p => p.Name));
        Assert.Equal(SimTime.FromSeconds(60), _results.Pods[2].Terminating);
        Assert.Equal(6, _results.Nodes.Count);
        Assert.Equal(["train-a", "train-b", "train-c"], _results.Jobs.Select(j => j.Name));
        Assert.Equal(1, _results.Jobs[0].Completions);
        Assert.Null(_results.Jobs[1].Completions);
        var failed = _results.Events[1];
        Assert.Equal(("pod", "ml", "train-0", "FailedScheduling"), (failed.Kind, failed.Namespace, failed.Name, failed.Reason));
        Assert.Equal("0/2 nodes are available:\\n2 Insufficient nvidia.com/gpu.", failed.Message);
    }

    [Theory]
    [InlineData(4.9, "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          4s\n")]
    [InlineData(5.2, "NAME           READY   STATUS    RESTARTS   AGE\n" +
        "web-1          1/1     Running   0          5s\nweb-5d8f-x2k   0/1     Pending   0          0s\n")]
    public void A_pod_is_listed_from_its_creation_and_pending_until_bound(double at, string expected)
    {
        Assert.Equal(expected, Print(w => KubectlTable.Pods(w, At(at), "default", wide: false)));
    }

    [Theory]
    [InlineData(6, "ContainerCreating", "0/1")]  // bound, container not started yet
    [InlineData(20, "Running", "1/1")]
    [InlineData(40, "Running", "0/1")]           // node-b NotReady: the node controller marks its pods not Ready
    [InlineData(60, "Terminating", "0/1")]       // deletion timestamp at 60 s
    [InlineData(70, "Terminating", "0/1")]
    [InlineData(80, "Terminating", "1/1")]       // node-b Ready again: the container runs out its grace period
    public void The_status_follows_the_recorded_times(double at, string status, string ready)
    {
        var pod = Assert.Single(At(at).Pods("default"), p => p.Pod.Name == "web-5d8f-x2k");
        Assert.Equal((status, ready), (pod.Status, pod.ReadyText));
    }

    [Fact]
    public void A_removed_pod_is_gone_and_a_finished_one_shows_completed()
    {
        Assert.Equal(
            "NAME    READY   STATUS      RESTARTS   AGE\n" +
            "web-1   0/1     Completed   0          90s\n",
            Print(w => KubectlTable.Pods(w, At(90), "default", wide: false)));
    }

    [Fact]
    public void Wide_adds_ip_and_node_and_all_namespaces_adds_the_namespace_column()
    {
        Assert.Equal(
            "NAMESPACE   NAME           READY   STATUS    RESTARTS   AGE   IP         NODE     NOMINATED NODE   READINESS GATES\n" +
            "default     web-1          1/1     Running   0          20s   10.0.0.5   node-a   <none>           <none>\n" +
            "default     web-5d8f-x2k   1/1     Running   0          15s   10.0.1.7   node-b   <none>           <none>\n" +
            "ml          train-0        0/1     Pending   0          10s   <none>     <none>   <none>           <none>\n",
            Print(w => KubectlTable.Pods(w, At(20), null, wide: true)));
    }

    [Fact]
    public void Nodes_show_their_ready_condition_and_leave_the_list_when_removed()
    {
        Assert.Equal(
            "NAME     STATUS     ROLES    AGE    VERSION\n" +
            "node-a   Ready      <none>   105s   \n" +
            "node-b   Ready      <none>   105s   \n" +
            "node-c   NotReady   <none>   105s   \n",
            Print(w => KubectlTable.Nodes(w, At(105))));
        Assert.Equal(["node-a", "node-b"], At(110).Nodes().Select(n => n.Name));
        Assert.Equal("NotReady", At(30).Nodes()[1].Status);
    }

    [Fact]
    public void Jobs_show_status_completions_and_a_duration_that_stops_only_when_complete()
    {
        // train-a completed at 61.5 s after submission at 0; train-b failed at 100.25 s, and a
        // failed Job has no completionTime, so its duration runs on (120 - 10 s); train-c runs.
        Assert.Equal(
            "NAME      STATUS     COMPLETIONS   DURATION   AGE\n" +
            "train-a   Complete   0/1           61s        2m\n" +
            "train-b   Failed     0/1           110s       110s\n" +
            "train-c   Running    0/1           10s        10s\n",
            Print(w => KubectlTable.Jobs(w, At(120), "ml")));
        Assert.False(KubectlTable.Jobs(TextWriter.Null, At(120), "default"));
    }

    [Fact]
    public void Events_show_how_long_ago_and_the_object_without_its_namespace()
    {
        Assert.Equal(
            "NAMESPACE   LAST SEEN   TYPE      REASON             OBJECT        MESSAGE\n" +
            "default     19s         Normal    Scheduled          pod/web-1     Successfully assigned default/web-1 to node-a\n" +
            "ml          10s         Warning   FailedScheduling   pod/train-0   0/2 nodes are available:\\n2 Insufficient nvidia.com/gpu.\n",
            Print(w => KubectlTable.Events(w, At(20), null)));
        Assert.False(KubectlTable.Events(TextWriter.Null, At(0.1), null));
    }

    [Fact]
    public void Describe_lists_the_pod_and_its_events_up_to_the_time()
    {
        var snapshot = At(20);
        var pod = snapshot.FindPod("default", "web-1", out _)!;
        using var text = new StringWriter { NewLine = "\n" };
        PodDescription.Write(text, snapshot, pod);
        Assert.Equal(
            "Name:        web-1\n" +
            "Namespace:   default\n" +
            "Priority:    100\n" +
            "Node:        node-a\n" +
            "Start Time:  250ms\n" +
            "Status:      Running\n" +
            "IP:          10.0.0.5\n" +
            "IPs:\n" +
            "  IP:           10.0.0.5\n" +
            "Controlled By:  Job/web-batch\n" +
            "Events:\n" +
            "  Type    Reason     Age   From               Message\n" +
            "  ----    ------     ----  ----               -------\n" +
            "  Normal  Scheduled  19s   default-scheduler  Successfully assigned default/web-1 to node-a\n",
            text.ToString());
    }

    [Fact]
    public void Describe_of_a_pending_pod_without_events_aligns_every_line_and_says_none()
    {
        var snapshot = At(5.2);
        var pod = snapshot.FindPod("default", "web-5d8f-x2k", out _)!;
        using var text = new StringWriter { NewLine = "\n" };
        PodDescription.Write(text, snapshot, pod);
        Assert.Equal(
            "Name:           web-5d8f-x2k\n" +
            "Namespace:      default\n" +
            "Priority:       0\n" +
            "Node:           <none>\n" +
            "Status:         Pending\n" +
            "IP:             \n" +
            "IPs:            <none>\n" +
            "Controlled By:  ReplicaSet/web-5d8f\n" +
            "Events:         <none>\n",
            text.ToString());
    }

    [Fact]
    public void A_pod_that_did_not_exist_at_the_time_is_not_found_and_says_when_it_did()
    {
        Assert.Null(At(4).FindPod("default", "web-5d8f-x2k", out var existed));
        var pod = Assert.Single(existed);
        Assert.Equal((SimTime.FromSeconds(5), SimTime.FromSeconds(90)), (pod.Created, pod.Deleted));
    }
}
