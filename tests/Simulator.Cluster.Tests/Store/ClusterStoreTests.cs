using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Store;

/// <summary>Writes the simulated API server refuses, with Kubernetes' status reasons.</summary>
public class ClusterStoreTests
{
    private static ClusterStore NewStore(params NodeBuilder[] nodes)
    {
        var store = new ClusterStore(new Simulation(seed: 1));
        foreach (var n in nodes) store.AddNode(n.Build());
        return store;
    }

    [Fact]
    public void Creating_a_pod_that_exists_is_AlreadyExists()
    {
        var store = NewStore();
        store.CreatePod(new PodBuilder("web").Build());

        var e = Assert.Throws<StoreException>(() => store.CreatePod(new PodBuilder("web").Build()));
        Assert.Equal("AlreadyExists", e.Reason);
        Assert.Equal("pods \"web\" already exists", e.Message);
        Assert.Equal(1, store.PodCount);
    }

    [Fact]
    public void Creating_a_node_that_exists_is_AlreadyExists()
    {
        var store = NewStore(new NodeBuilder("a"));

        var e = Assert.Throws<StoreException>(() => store.AddNode(new NodeBuilder("a").Cpu("64").Build()));
        Assert.Equal("AlreadyExists", e.Reason);
        Assert.Equal("nodes \"a\" already exists", e.Message);
        Assert.Equal(4000, store.GetNode("a")!.Status.Allocatable[ResourceNames.Cpu]);
    }

    [Fact]
    public void A_pod_name_is_free_again_once_the_pod_is_removed()
    {
        var store = NewStore();
        var first = new PodBuilder("web").Build();
        store.CreatePod(first);
        store.DeletePod(first);
        var second = new PodBuilder("web").Build();
        store.CreatePod(second);

        Assert.Same(second, store.GetPod("default/web"));
        Assert.NotEqual(first.Metadata.Uid, second.Metadata.Uid);
    }

    [Fact]
    public void Binding_a_bound_pod_is_a_Conflict_and_leaves_it_where_it_was()
    {
        var store = NewStore(new NodeBuilder("a"), new NodeBuilder("b"));
        var pod = new PodBuilder("web").Build();
        store.CreatePod(pod);
        store.BindPod(pod, "a");
        long version = pod.Metadata.ResourceVersion;

        var e = Assert.Throws<StoreException>(() => store.BindPod(pod, "b"));
        Assert.Equal("Conflict", e.Reason);
        Assert.Equal("pod default/web is already assigned to node \"a\"", e.Message);
        Assert.Equal("a", pod.Spec.NodeName);
        Assert.Equal(version, pod.Metadata.ResourceVersion);
    }

    [Fact]
    public void Binding_to_a_missing_node_or_a_missing_pod_is_NotFound()
    {
        var store = NewStore(new NodeBuilder("a"));
        var pod = new PodBuilder("web").Build();
        store.CreatePod(pod);

        Assert.Equal("NotFound", Assert.Throws<StoreException>(() => store.BindPod(pod, "nowhere")).Reason);
        Assert.False(pod.IsBound);
        var stranger = new PodBuilder("stranger").Build();
        Assert.Equal("NotFound", Assert.Throws<StoreException>(() => store.BindPod(stranger, "a")).Reason);
        Assert.Equal("NotFound", Assert.Throws<StoreException>(() => store.DeletePod(stranger)).Reason);
        Assert.Equal("NotFound", Assert.Throws<StoreException>(() => store.UpdatePodStatus(stranger)).Reason);
    }

    [Fact]
    public void Binding_sets_PodScheduled_and_clears_the_nomination()
    {
        var store = NewStore(new NodeBuilder("a"));
        var pod = new PodBuilder("web").Build();
        store.CreatePod(pod);
        pod.Status.NominatedNodeName = "a";
        store.BindPod(pod, "a");

        Assert.Equal("", pod.Status.NominatedNodeName);
        Assert.Equal(ConditionStatus.True, pod.Status.GetCondition(PodConditionType.PodScheduled)!.Status);
    }

    [Fact]
    public void Every_write_gets_a_higher_resource_version()
    {
        var store = NewStore(new NodeBuilder("a"));
        var pod = new PodBuilder("web").Build();
        var versions = new List<long>();
        store.CreatePod(pod);
        versions.Add(pod.Metadata.ResourceVersion);
        store.BindPod(pod, "a");
        versions.Add(pod.Metadata.ResourceVersion);
        store.UpdatePodStatus(pod);
        versions.Add(pod.Metadata.ResourceVersion);
        store.DeletePod(pod);
        versions.Add(pod.Metadata.ResourceVersion);

        Assert.True(versions[0] > store.GetNode("a")!.Metadata.ResourceVersion);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public void Deleting_a_bound_pod_marks_it_terminating_and_only_RemovePod_takes_it_away()
    {
        var store = NewStore(new NodeBuilder("a"));
        var pod = new PodBuilder("web").Build();
        store.CreatePod(pod);
        store.BindPod(pod, "a");

        store.DeletePod(pod);
        Assert.True(pod.IsTerminating);
        Assert.Same(pod, store.GetPod(pod.Key));
        store.DeletePod(pod); // a second request changes nothing
        Assert.Same(pod, store.GetPod(pod.Key));

        store.RemovePod(pod);
        Assert.Null(store.GetPod(pod.Key));
        store.RemovePod(pod); // already gone: nothing happens
        Assert.Equal(0, store.PodCount);
    }

    [Fact]
    public void Messages_of_events_are_cut_at_1024_characters()
    {
        var store = NewStore();
        var sink = new EventList();
        store.AddEventSink(sink);
        store.RecordEvent(EventType.Warning, "FailedScheduling", "Pod", "default/web", new string('x', 3000), "default-scheduler");

        Assert.Equal(1024, sink.Events.Single().Message.Length);
    }

    private sealed class EventList : IEventSink
    {
        public List<ClusterEvent> Events { get; } = [];

        public void OnEvent(ClusterEvent clusterEvent) => Events.Add(clusterEvent);
    }
}
