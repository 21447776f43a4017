namespace Simulator.Scenarios.Yaml;

/// <summary>
/// One YAML document of the file: its node tree and where its text is, so that a document can be
/// handed to another parser and that parser's positions mapped back to the file.
/// </summary>
/// <param name="Root">The document's root node; a null scalar for an empty document.</param>
/// <param name="TextStart">Offset of the start of the line the document begins on.</param>
/// <param name="TextEnd">Offset just past the document's text.</param>
/// <param name="FirstLine">The file line at <paramref name="TextStart"/>.</param>
/// <param name="HasErrors">
/// Reading it found errors (a duplicate key, an unknown anchor): its tree is not what the text
/// says, so it is not interpreted further, which would only repeat the same mistake in other words.
/// </param>
internal sealed record SourceDocument(SourceNode Root, int TextStart, int TextEnd, int FirstLine, bool HasErrors)
{
    public bool IsEmpty => Root is SourceScalar { IsNull: true };

    /// <summary>Converts a 1-based line in this document's text to a line in the file.</summary>
    public int FileLine(int documentLine) => FirstLine + documentLine - 1;
}
