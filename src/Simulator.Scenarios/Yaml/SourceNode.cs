using YamlDotNet.Core;

namespace Simulator.Scenarios.Yaml;

/// <summary>A 1-based line and column in the scenario file.</summary>
internal readonly record struct Position(int Line, int Column) : IComparable<Position>
{
    public int CompareTo(Position other) => Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
}

/// <summary>
/// A YAML node that remembers where it was written. The loader keeps its own tree rather than
/// YamlDotNet's representation model so that every error can name a line and column, and so that
/// aliases stay shared references whose expanded size is known without expanding them.
/// </summary>
internal abstract class SourceNode(Position start, int startIndex, int endIndex)
{
    public Position Start { get; } = start;

    /// <summary>Character offsets of the node's text in the file (end exclusive).</summary>
    public int StartIndex { get; } = startIndex;
    public int EndIndex { get; } = endIndex;

    /// <summary>Nodes in this subtree with every alias expanded, saturating at long.MaxValue.</summary>
    public abstract long ExpandedSize { get; }

    /// <summary>"a map", "a list", "a string", ... for messages.</summary>
    public abstract string Describe();
}

internal sealed class SourceScalar(Position start, int startIndex, int endIndex, string value, ScalarStyle style)
    : SourceNode(start, startIndex, endIndex)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
    public bool IsPlain => Style == ScalarStyle.Plain;

    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override long ExpandedSize => 1;

    public override string Describe() => IsNull ? "null" : $"\"{Value}\"";
}

internal sealed class SourceSequence(Position start, int startIndex, int endIndex, IReadOnlyList<SourceNode> items)
    : SourceNode(start, startIndex, endIndex)
{
    private readonly long _size = SizeOf(items);

    public IReadOnlyList<SourceNode> Items { get; } = items;

    public override long ExpandedSize => _size;

    public override string Describe() => "a list";

    private static long SizeOf(IReadOnlyList<SourceNode> items)
    {
        long size = 1;
        foreach (var item in items) size = SaturatingAdd(size, item.ExpandedSize);
        return size;
    }

    internal static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

internal sealed class SourceMapping(Position start, int startIndex, int endIndex, IReadOnlyList<KeyValuePair<SourceScalar, SourceNode>> entries)
    : SourceNode(start, startIndex, endIndex)
{
    private readonly long _size = SizeOf(entries);

    /// <summary>Entries in file order; keys are unique (duplicates are reported and dropped while reading).</summary>
    public IReadOnlyList<KeyValuePair<SourceScalar, SourceNode>> Entries { get; } = entries;

    public override long ExpandedSize => _size;

    public override string Describe() => "a map";

    public KeyValuePair<SourceScalar, SourceNode>? Find(string key)
    {
        foreach (var entry in Entries)
            if (entry.Key.Value == key) return entry;
        return null;
    }

    private static long SizeOf(IReadOnlyList<KeyValuePair<SourceScalar, SourceNode>> entries)
    {
        long size = 1;
        foreach (var (key, value) in entries)
            size = SourceSequence.SaturatingAdd(SourceSequence.SaturatingAdd(size, key.ExpandedSize), value.ExpandedSize);
        return size;
    }
}
