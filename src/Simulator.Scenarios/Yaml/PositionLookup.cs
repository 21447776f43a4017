using System.Globalization;
using System.Text;

namespace Simulator.Scenarios.Yaml;

/// <summary>A field path as segments: a string for a map key, an int for a list index.</summary>
internal sealed record FieldLocation(IReadOnlyList<object> Segments, SourceNode Node)
{
    public string Path
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var segment in Segments)
            {
                if (segment is int index) sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                else sb.Append(sb.Length == 0 ? "" : ".").Append((string)segment);
            }
            return sb.ToString();
        }
    }
}

/// <summary>
/// Finds which field of a document is written at a position: how another parser's error
/// position (KubernetesClient's) becomes a field path.
/// </summary>
internal static class PositionLookup
{
    /// <summary>
    /// The field at <paramref name="at"/>. A map and its first key start at the same place, so
    /// <paramref name="key"/> selects the innermost key written there (for "unknown field") and
    /// otherwise the outermost value (for "expected a list, got a map").
    /// </summary>
    public static FieldLocation? Find(SourceNode root, Position at, bool key)
    {
        var path = new List<object>();
        FieldLocation? found = null;
        Search(root, at, key, path, ref found, depth: 0);
        return found;
    }

    private static bool Search(SourceNode node, Position at, bool key, List<object> path, ref FieldLocation? found, int depth)
    {
        if (!key && node.Start == at)
        {
            found = new FieldLocation([.. path], node);
            return true;
        }
        // Aliases share nodes, so a bomb-shaped tree is walked at most to the alias-expansion limit.
        if (depth > InputLimits.MaxDepth) return false;
        switch (node)
        {
            case SourceMapping mapping:
                foreach (var (k, value) in mapping.Entries)
                {
                    path.Add(k.Value);
                    if (key && k.Start == at) found = new FieldLocation([.. path], k);
                    bool done = Search(value, at, key, path, ref found, depth + 1);
                    path.RemoveAt(path.Count - 1);
                    if (done) return true;
                }
                break;
            case SourceSequence sequence:
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    path.Add(i);
                    bool done = Search(sequence.Items[i], at, key, path, ref found, depth + 1);
                    path.RemoveAt(path.Count - 1);
                    if (done) return true;
                }
                break;
        }
        return false;
    }
}
