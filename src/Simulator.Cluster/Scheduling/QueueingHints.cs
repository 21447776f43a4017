using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Scheduling;

/// <summary>
/// The cluster events each plugin registered (EnqueueExtensions.EventsToRegister), across all
/// profiles, and what a rejected pod therefore waits for in the unschedulable pool: only the
/// events that can undo what rejected it. A plugin that registered nothing is woken by anything.
/// </summary>
internal sealed class QueueingHints
{
    private readonly Dictionary<string, ClusterEventKind> _byPlugin = new(StringComparer.Ordinal);

    /// <summary>Every event some plugin cares about (a watch nobody needs is not set up).</summary>
    public ClusterEventKind Registered { get; private set; }

    public void Register(IPlugin plugin)
    {
        if (plugin is not IEnqueueExtensions e) return;
        _byPlugin[plugin.Name] = e.EventsToRegister;
        Registered |= e.EventsToRegister;
    }

    /// <summary>What can help a pod <paramref name="plugin"/> rejected.</summary>
    public ClusterEventKind For(string plugin) => _byPlugin.GetValueOrDefault(plugin, ClusterEventKind.All);

    /// <summary>
    /// What can help a pod every examined node rejected: the union over the rejecting plugins.
    /// No node at all means any new node may help (kube-scheduler treats this as an error and
    /// retries after backoff; waking on the next node is the same outcome without polling).
    /// </summary>
    public ClusterEventKind ForRejections(NodeStatusMap statuses)
    {
        if (statuses.Count == 0) return ClusterEventKind.All;
        var events = ClusterEventKind.None;
        // Almost every node names the same plugin: one already OR-ed in adds nothing, so its
        // lookup is skipped (it hashed a string per node).
        var entries = statuses.Entries;
        string? last = null;
        for (int i = 0; i < entries.Count; i++)
        {
            string plugin = entries[i].Status.Plugin;
            if (ReferenceEquals(plugin, last)) continue;
            last = plugin;
            events |= For(plugin);
        }
        return events;
    }
}
