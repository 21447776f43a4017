namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Bounds that keep a hostile or broken scenario file from exhausting memory or time. Each is far
/// above what a hand-written or generated scenario needs; crossing one is reported as an error
/// with the position where it happened, and loading stops there. The limits are for the whole
/// scenario: the files of a folder scenario share them.
/// </summary>
internal static class InputLimits
{
    /// <summary>Checked before reading: the files are never read into memory if larger together.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public const string MaxFileSizeText = "16 MiB";

    /// <summary>YAML documents (separated by <c>---</c>) in all files.</summary>
    public const int MaxDocuments = 10_000;

    /// <summary>
    /// Alias references (<c>*name</c>) in all files. Aliases are kept as shared references,
    /// never copied, but a few hundred well-placed ones are all an alias bomb needs.
    /// </summary>
    public const int MaxAliases = 1_000;

    /// <summary>
    /// Nodes that aliases would add if expanded, summed over the file. The count of aliases alone
    /// does not stop a billion-laughs file (nine levels of ten aliases expand to 10^9 nodes), so
    /// each alias adds the expanded size of what it points to, computed without expanding it.
    /// </summary>
    public const long MaxAliasExpansion = 100_000;

    /// <summary>
    /// Nesting of maps and lists. Real manifests stay under 20; the bound keeps every recursive
    /// walk over the tree (and YamlDotNet's deserializer) far from the end of the stack.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes after NodePool expansion: <c>count</c> multiplies a few lines into many objects.</summary>
    public const int MaxNodes = 100_000;
}
