using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Scheduling.Plugins;

/// <summary>
/// How many pods each PodGroup has in the store, and how many of them are on a node and
/// unfinished, kept up to date from pod events (what scheduler-plugins' PodGroupManager asks its
/// pod lister and the scheduler snapshot each time), so a gang check is a dictionary lookup.
/// </summary>
internal sealed class PodGroupMembers : IPodWatcher
{
    private sealed class Counts
    {
        public int Total;
        public int Assigned;
    }

    private sealed class Member(Counts group)
    {
        public Counts Group { get; } = group;
        public bool Assigned { get; set; }
    }

    private readonly Dictionary<string, Counts> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    public PodGroupMembers(ClusterStore store) => store.Watch(this);

    /// <summary>Pods labelled with the group, in any phase (scheduler-plugins lists them all).</summary>
    public int Total(string groupKey) => _groups.TryGetValue(groupKey, out var c) ? c.Total : 0;

    /// <summary>Pods of the group bound to a node and not finished.</summary>
    public int Assigned(string groupKey) => _groups.TryGetValue(groupKey, out var c) ? c.Assigned : 0;

    public void OnPodEvent(WatchEventType type, Pod pod)
    {
        if (!_members.TryGetValue(pod.Key, out var member))
        {
            if (type == WatchEventType.Deleted) return;
            if (!pod.Metadata.Labels.TryGetValue(PodGroup.GroupLabel, out var name) || name.Length == 0) return;
            var key = pod.Metadata.Namespace.Length == 0 ? name : pod.Metadata.Namespace + "/" + name;
            if (!_groups.TryGetValue(key, out var counts)) _groups.Add(key, counts = new Counts());
            member = new Member(counts);
            _members.Add(pod.Key, member);
            counts.Total++;
        }
        bool assigned = type != WatchEventType.Deleted && pod.IsBound && !pod.IsTerminal;
        if (assigned != member.Assigned)
        {
            member.Group.Assigned += assigned ? 1 : -1;
            member.Assigned = assigned;
        }
        if (type == WatchEventType.Deleted)
        {
            member.Group.Total--;
            _members.Remove(pod.Key);
        }
    }
}
