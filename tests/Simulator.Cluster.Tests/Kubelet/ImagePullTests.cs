using Simulator.Cluster.Api;
using Simulator.Cluster.Kubelet;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Kubelet;

/// <summary>
/// Start-up time of a bound pod: image pull at the node's bandwidth (100 MiB/s by default), one
/// pull at a time (serializeImagePulls), then the container start (1 s by default).
/// A 1 GiB image takes 1024 MiB / 100 MiB/s = 10.24 s to pull.
/// </summary>
public class ImagePullTests
{
    private const long OneGiB = 1L << 30;
    private const string Web = "registry.example/web:1";
    private const string Batch = "registry.example/batch:1";

    private static TestCluster OneNode(KubeletSettings? kubelet = null) =>
        (kubelet is null ? new TestCluster() : new TestCluster(new ClusterOptions { Kubelet = kubelet }))
        .Nodes(new NodeBuilder("a").Cpu("16"));

    [Fact]
    public void A_1GiB_image_is_pulled_in_10_24s_and_the_pod_runs_1s_later()
    {
        var cluster = OneNode();
        var pod = cluster.Create(new PodBuilder("web").Image(Web, OneGiB));

        cluster.RunTo("11.239999s");
        Assert.Equal(PodPhase.Pending, pod.Status.Phase);
        cluster.RunTo("11.24s");
        Assert.Equal(PodPhase.Running, pod.Status.Phase);
        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(pod).Started);
        Assert.Equal(TestCluster.At("0s"), pod.Status.StartTime);
        Assert.Equal($"Successfully pulled image \"{Web}\" in 10.24s", cluster.EventsFor(pod, "Pulled").Single().Message);
        Assert.Contains(Web, cluster.Store.GetNode("a")!.Status.Images);
    }

    [Fact]
    public void Without_an_image_size_only_the_container_start_is_waited_for()
    {
        var cluster = OneNode();
        var pod = cluster.Create(new PodBuilder("web"));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At("1s"), cluster.RecordOf(pod).Started);
        Assert.Empty(cluster.EventsFor(pod, "Pulled"));
    }

    [Fact]
    public void Container_start_time_and_bandwidth_are_settings()
    {
        var cluster = OneNode(new KubeletSettings
        {
            ImagePullBytesPerSecond = 1L << 30,
            ContainerStartTime = SimDuration.FromMilliseconds(250),
        });
        var pod = cluster.Create(new PodBuilder("web").Image(Web, 3 * OneGiB));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At("3.25s"), cluster.RecordOf(pod).Started);
    }

    [Theory]
    [InlineData("5s", "11.24s")] // during the pull: waits for the same pull
    [InlineData("11.24s", "12.24s")] // the first pod has started: the image is on the node
    [InlineData("20s", "21s")]
    public void A_second_pod_with_the_same_image_does_not_pull_it_again(string arrives, string runs)
    {
        var cluster = OneNode();
        var first = cluster.Create(new PodBuilder("first").Image(Web, OneGiB));
        cluster.RunTo(arrives);
        var second = cluster.Create(new PodBuilder("second").Image(Web, OneGiB));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(first).Started);
        Assert.Equal(TestCluster.At(runs), cluster.RecordOf(second).Started);
    }

    /// <summary>
    /// The pull ends at 10.24 s, but the first pod's container only starts at 11.24 s. A pod that
    /// arrives in between finds the image on disk: it needs only its container start.
    /// </summary>
    [Theory]
    [InlineData("10.24s", "11.24s")]
    [InlineData("10.5s", "11.5s")]
    public void A_pod_arriving_after_the_pull_ended_but_before_the_first_pod_started_does_not_pull_again(string arrives, string runs)
    {
        var cluster = OneNode();
        cluster.Create(new PodBuilder("first").Image(Web, OneGiB));
        cluster.RunTo(arrives);
        var second = cluster.Create(new PodBuilder("second").Image(Web, OneGiB));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At(runs), cluster.RecordOf(second).Started);
    }

    [Fact]
    public void A_pod_joining_a_pull_in_flight_does_not_queue_a_second_pull_of_that_image()
    {
        // If "second" had queued its own pull of Web (10.24 s to 20.48 s), Batch's pull would
        // start at 20.48 s; it starts when the one pull of Web ends.
        var cluster = OneNode();
        var first = cluster.Create(new PodBuilder("first").Image(Web, OneGiB));
        cluster.RunTo("5s");
        var second = cluster.Create(new PodBuilder("second").Image(Web, OneGiB));
        var other = cluster.Create(new PodBuilder("other").Image(Batch, OneGiB));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(first).Started);
        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(second).Started);
        Assert.Equal(TestCluster.At("21.48s"), cluster.RecordOf(other).Started);
    }

    [Theory]
    [InlineData(true, "16.36s")] // 512 MiB pulled from 10.24 s to 15.36 s, after the 1 GiB image
    [InlineData(false, "6.12s")] // 512 MiB pulled from 0 s to 5.12 s, alongside
    public void Pulls_of_different_images_on_one_node_are_serialized_unless_configured_otherwise(bool serialize, string secondRuns)
    {
        var cluster = OneNode(new KubeletSettings { SerializeImagePulls = serialize });
        var big = cluster.Create(new PodBuilder("big").Image(Web, OneGiB));
        var small = cluster.Create(new PodBuilder("small").Image(Batch, OneGiB / 2));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(big).Started);
        Assert.Equal(TestCluster.At(secondRuns), cluster.RecordOf(small).Started);
    }

    [Fact]
    public void Pulls_on_different_nodes_run_in_parallel()
    {
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"), new NodeBuilder("b"));
        var onA = cluster.Create(new PodBuilder("on-a").Image(Web, OneGiB).OnNode("a"));
        var onB = cluster.Create(new PodBuilder("on-b").Image(Batch, OneGiB).OnNode("b"));
        cluster.RunFor("1m");

        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(onA).Started);
        Assert.Equal(TestCluster.At("11.24s"), cluster.RecordOf(onB).Started);
    }
}
