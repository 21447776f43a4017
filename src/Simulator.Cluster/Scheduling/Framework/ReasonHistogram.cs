namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// How many nodes gave each reason: the body of the "0/N nodes are available: ..." message.
/// A pod that fits nowhere counts one reason per node of the cluster (1,213 nodes and about
/// 2,500 such pods in each fgd-openb run), twice with preemption's dry run, so this avoids a
/// Dictionary's string hashing: plugins return a handful of distinct reasons, mostly the same
/// string instance node after node, so comparing with the last reason's reference first and then
/// scanning the few distinct ones finds it at once. Reasons are grouped by ordinal equality, as
/// Go's map of strings does. Reusable (<see cref="Clear"/>) so a cycle allocates nothing per node.
/// </summary>
public sealed class ReasonHistogram
{
    // Past this many distinct reasons (dynamic messages, e.g. one per taint) a scan would cost
    // more than hashing, so an index takes over.
    private const int ScanLimit = 16;

    private string[] _reasons = new string[8];
    private int[] _counts = new int[8];
    private int _distinct;
    private int _last;
    private Dictionary<string, int>? _index;

    /// <summary>How many distinct reasons were counted.</summary>
    public int Distinct => _distinct;

    public void Clear()
    {
        Array.Clear(_reasons, 0, _distinct);
        _distinct = 0;
        _last = 0;
        _index?.Clear();
    }

    /// <summary>Counts each of the status's reasons once (a node that gave two reasons counts in both).</summary>
    public void Add(Status status)
    {
        for (int r = 0; r < status.ReasonCount; r++) Add(status.ReasonAt(r), 1);
    }

    public void Add(string reason, int nodes)
    {
        if (_last < _distinct && ReferenceEquals(_reasons[_last], reason))
        {
            _counts[_last] += nodes;
            return;
        }
        int i = IndexOf(reason);
        if (i < 0)
        {
            if (_distinct == _reasons.Length)
            {
                Array.Resize(ref _reasons, _distinct * 2);
                Array.Resize(ref _counts, _distinct * 2);
            }
            i = _distinct++;
            _reasons[i] = reason;
            _counts[i] = 0;
            if (_index is not null) _index[reason] = i;
            else if (_distinct > ScanLimit)
            {
                _index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int k = 0; k < _distinct; k++) _index[_reasons[k]] = k;
            }
        }
        _counts[i] += nodes;
        _last = i;
    }

    private int IndexOf(string reason)
    {
        if (_distinct > ScanLimit && _index is not null) return _index.GetValueOrDefault(reason, -1);
        for (int i = 0; i < _distinct; i++)
            if (ReferenceEquals(_reasons[i], reason) || string.Equals(_reasons[i], reason, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>"2 node(s) didn't match ..., 3 Insufficient nvidia.com/gpu": each "count reason", sorted as strings, joined by ", " (no trailing period).</summary>
    public string Format()
    {
        if (_distinct == 0) return "";
        var parts = new string[_distinct];
        for (int i = 0; i < _distinct; i++) parts[i] = _counts[i] + " " + _reasons[i];
        // Go's sort.Strings compares bytes, which is what ordinal comparison does.
        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join(", ", parts);
    }
}
