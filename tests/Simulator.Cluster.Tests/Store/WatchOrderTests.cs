using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Store;

/// <summary>
/// Watch delivery: synchronous within the writing event, never re-entrant. A write made by a
/// watcher while it is being notified is delivered after the current notification has reached
/// every watcher, so all watchers see all changes in one order.
/// </summary>
public class WatchOrderTests
{
    /// <summary>Records what it sees, in its own list and in a log shared by all watchers, and how deeply it was re-entered.</summary>
    private class Recorder(string name, List<string> log) : IPodWatcher, INodeWatcher
    {
        private int _depth;

        public List<string> Seen { get; } = [];

        public int MaxDepth { get; private set; }

        public void OnPodEvent(WatchEventType type, Pod pod) => Handle($"{type} pod {pod.Name}", () => OnPod(type, pod));

        public void OnNodeEvent(WatchEventType type, Node node) => Handle($"{type} node {node.Name}", () => OnNode(type, node));

        protected virtual void OnPod(WatchEventType type, Pod pod)
        {
        }

        protected virtual void OnNode(WatchEventType type, Node node)
        {
        }

        private void Handle(string what, Action react)
        {
            _depth++;
            MaxDepth = Math.Max(MaxDepth, _depth);
            Seen.Add(what);
            log.Add(name + ": " + what);
            react();
            _depth--;
        }
    }

    /// <summary>A controller that reacts to writes with more writes, like a kubelet or a ReplicaSet controller.</summary>
    private sealed class Writer(ClusterStore store, List<string> log) : Recorder("writer", log)
    {
        protected override void OnPod(WatchEventType type, Pod pod)
        {
            if (type == WatchEventType.Added && pod.Name == "web")
            {
                store.CreatePod(new PodBuilder("web-sidecar").Build());
                store.BindPod(pod, "a");
            }
            else if (type == WatchEventType.Modified && pod.Name == "web" && pod.IsBound && !pod.IsTerminating)
            {
                store.DeletePod(pod);
            }
            else if (type == WatchEventType.Modified && pod.Name == "web" && pod.IsTerminating)
            {
                store.RemovePod(pod);
            }
        }

        protected override void OnNode(WatchEventType type, Node node)
        {
            if (type == WatchEventType.Added) store.CreatePod(new PodBuilder("web").Build());
        }
    }

    [Fact]
    public void Writes_made_during_a_notification_reach_every_watcher_afterwards_in_one_order()
    {
        var store = new ClusterStore(new Simulation(seed: 1));
        var log = new List<string>();
        var before = new Recorder("before", log);
        var writer = new Writer(store, log);
        var after = new Recorder("after", log);
        foreach (var r in new[] { before, writer, after })
        {
            store.Watch((IPodWatcher)r);
            store.Watch((INodeWatcher)r);
        }

        store.AddNode(new NodeBuilder("a").Build());

        // The writer creates web while the others are still to hear of the node; creates the
        // sidecar and binds web while "after" has not yet heard of web; deletes web on hearing of
        // its binding; removes it on hearing it is terminating. Each change reaches all three
        // watchers before the next one is delivered.
        string[] expected =
        [
            "Added node a",
            "Added pod web",
            "Added pod web-sidecar",
            "Modified pod web",
            "Modified pod web",
            "Deleted pod web",
        ];
        Assert.Equal(expected, before.Seen);
        Assert.Equal(expected, writer.Seen);
        Assert.Equal(expected, after.Seen);
        Assert.Equal(expected.SelectMany(e => new[] { "before: " + e, "writer: " + e, "after: " + e }), log);
        Assert.All(new[] { before, writer, after }, r => Assert.Equal(1, r.MaxDepth));
        Assert.Null(store.GetPod("default/web"));
    }

    [Fact]
    public void A_watcher_registered_first_is_told_first()
    {
        var store = new ClusterStore(new Simulation(seed: 1));
        var order = new List<string>();
        store.Watch(new Callback(() => order.Add("first")));
        store.Watch(new Callback(() => order.Add("second")));
        store.CreatePod(new PodBuilder("web").Build());

        Assert.Equal(["first", "second"], order);
    }

    private sealed class Callback(Action action) : IPodWatcher
    {
        public void OnPodEvent(WatchEventType type, Pod pod) => action();
    }
}
