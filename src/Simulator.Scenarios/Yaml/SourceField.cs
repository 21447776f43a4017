using System.Globalization;

namespace Simulator.Scenarios.Yaml;

/// <summary>
/// A field of a document addressed by its path (<c>spec.containers[0].image</c>), whether or not
/// the file sets it. A missing field still has a position, its nearest written parent's, so an
/// error such as "Required value" points somewhere useful.
/// </summary>
internal readonly struct SourceField
{
    private readonly Position _fallback;

    private SourceField(string path, SourceNode? node, SourceScalar? key, Position fallback)
    {
        Path = path;
        Node = node;
        Key = key;
        _fallback = fallback;
    }

    public static SourceField Root(SourceNode root) => new("", root, null, root.Start);

    public string Path { get; }

    /// <summary>The value as written, or null if the field is absent.</summary>
    public SourceNode? Node { get; }

    /// <summary>The key the value was written under, if any.</summary>
    public SourceScalar? Key { get; }

    /// <summary>Absent or written as YAML null.</summary>
    public bool IsMissing => Node is null or SourceScalar { IsNull: true };

    public SourceScalar? Scalar => Node as SourceScalar;

    public Position Position => Node?.Start ?? _fallback;

    public Position KeyPosition => Key?.Start ?? Position;

    public SourceField Child(string key)
    {
        var entry = (Node as SourceMapping)?.Find(key);
        return new SourceField(Join(Path, key), entry?.Value, entry?.Key, Position);
    }

    public SourceField Item(int index)
    {
        var items = (Node as SourceSequence)?.Items;
        var node = items is not null && index < items.Count ? items[index] : null;
        return new SourceField(Path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", node, null, Position);
    }

    /// <summary>Items of a list in order; nothing if the value is not a list.</summary>
    public IEnumerable<SourceField> Items()
    {
        if (Node is not SourceSequence sequence) yield break;
        for (int i = 0; i < sequence.Items.Count; i++) yield return Item(i);
    }

    /// <summary>Entries of a map in file order; nothing if the value is not a map.</summary>
    public IEnumerable<(string Key, SourceField Field)> Entries()
    {
        if (Node is not SourceMapping mapping) yield break;
        foreach (var (key, value) in mapping.Entries)
            yield return (key.Value, new SourceField(Join(Path, key.Value), value, key, Position));
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
