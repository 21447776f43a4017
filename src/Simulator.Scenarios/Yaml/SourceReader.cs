using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios.Yaml;

/// <summary>
/// Splits a multi-document YAML file into <see cref="SourceDocument"/>s with YamlDotNet's event
/// parser, enforcing <see cref="InputLimits"/> as it goes. A syntax error or a crossed limit
/// stops reading: the rest of the file cannot be trusted to mean what it says.
/// </summary>
internal sealed partial class SourceReader
{
    private readonly string _text;
    private readonly ScenarioErrors _errors;
    private readonly List<SourceDocument> _documents = [];
    private readonly Stack<Frame> _stack = new();
    private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
    private readonly ReadBudget _budget;
    private SourceNode? _root;
    private int _documentTextStart;
    private int _documentFirstLine;
    private int _errorsBeforeDocument;

    private SourceReader(string text, ScenarioErrors errors, ReadBudget budget)
    {
        _text = text;
        _errors = errors;
        _budget = budget;
    }

    /// <summary>The documents of <paramref name="text"/>, or null if reading had to stop (the reason is in <paramref name="errors"/>).</summary>
    /// <param name="budget">Shared by the files of one scenario; a new one for a single file.</param>
    public static IReadOnlyList<SourceDocument>? Read(string text, ScenarioErrors errors, ReadBudget? budget = null)
    {
        var reader = new SourceReader(text, errors, budget ?? new ReadBudget());
        return reader.ReadAll() ? reader._documents : null;
    }

    private bool ReadAll()
    {
        var parser = new Parser(new StringReader(_text));
        ParsingEvent? last = null;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!;
                if (!Handle(last)) return false;
            }
        }
        catch (YamlException e)
        {
            _errors.Add(ToPosition(e.Start), "", "YAML syntax error: " + CleanMessage(e.Message));
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way, without a position, on some malformed flow
            // collections; the last event it parsed is the best place to point at.
            var at = last is null ? new Position(1, 1) : ToPosition(last.End);
            _errors.Add(at, "", "YAML syntax error: the parser cannot continue after this point (is a '{' or '[' left unclosed?)");
            return false;
        }
        return true;
    }

    private bool Handle(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart start:
                if (_budget.Documents >= InputLimits.MaxDocuments)
                {
                    _errors.Add(ToPosition(start.Start), "",
                        $"more than {InputLimits.MaxDocuments} documents in the scenario");
                    return false;
                }
                _anchors.Clear(); // anchors are local to their document
                _root = null;
                _documentTextStart = LineStart(Offset(start.Start));
                _documentFirstLine = (int)start.Start.Line;
                _errorsBeforeDocument = _errors.Count;
                return true;
            case DocumentEnd end:
                var root = _root ?? new SourceScalar(ToPosition(end.Start), Offset(end.Start), Offset(end.Start), "", ScalarStyle.Plain);
                _budget.Documents++;
                _documents.Add(new SourceDocument(root, _documentTextStart, Offset(end.End), _documentFirstLine,
                    HasErrors: _errors.Count > _errorsBeforeDocument));
                return true;
            case Scalar scalar:
                return Attach(new SourceScalar(ToPosition(scalar.Start), Offset(scalar.Start), Offset(scalar.End), scalar.Value, scalar.Style), scalar.Anchor);
            case SequenceStart or MappingStart:
                if (_stack.Count >= InputLimits.MaxDepth)
                {
                    _errors.Add(ToPosition(e.Start), "", $"maps and lists are nested more than {InputLimits.MaxDepth} levels deep");
                    return false;
                }
                _stack.Push(new Frame((NodeEvent)e, isMapping: e is MappingStart));
                return true;
            case SequenceEnd or MappingEnd:
                var frame = _stack.Pop();
                var begin = frame.Start;
                SourceNode node = frame.IsMapping
                    ? new SourceMapping(ToPosition(begin.Start), Offset(begin.Start), Offset(e.End), frame.Entries)
                    : new SourceSequence(ToPosition(begin.Start), Offset(begin.Start), Offset(e.End), frame.Items);
                return Attach(node, begin.Anchor);
            case AnchorAlias alias:
                return AttachAlias(alias);
            default:
                return true;
        }
    }

    private bool AttachAlias(AnchorAlias alias)
    {
        var at = ToPosition(alias.Start);
        if (++_budget.Aliases > InputLimits.MaxAliases)
        {
            _errors.Add(at, "", $"more than {InputLimits.MaxAliases} YAML aliases in the scenario (a limit against alias bombs)");
            return false;
        }
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            _errors.Add(at, "", $"unknown anchor \"{alias.Value.Value}\" (an alias must follow its anchor in the same document)");
            return Attach(new SourceScalar(at, Offset(alias.Start), Offset(alias.End), "", ScalarStyle.Plain), AnchorName.Empty);
        }
        _budget.AliasExpansion = SourceSequence.SaturatingAdd(_budget.AliasExpansion, target.ExpandedSize);
        if (_budget.AliasExpansion > InputLimits.MaxAliasExpansion)
        {
            _errors.Add(at, "", $"YAML aliases expand to more than {InputLimits.MaxAliasExpansion.ToString(CultureInfo.InvariantCulture)} nodes (a limit against alias bombs)");
            return false;
        }
        return Attach(target, AnchorName.Empty);
    }

    private bool Attach(SourceNode node, AnchorName anchor)
    {
        // Registered when complete, so an alias inside its own anchor is unknown: no cycles.
        if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
        if (_stack.Count == 0)
        {
            _root = node;
            return true;
        }

        var frame = _stack.Peek();
        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
            return true;
        }
        if (!frame.HasKey)
        {
            frame.HasKey = true;
            frame.Key = node as SourceScalar;
            if (frame.Key is null)
                _errors.Add(node.Start, "", $"a map key must be a string, got {node.Describe()}");
            return true;
        }

        frame.HasKey = false;
        var key = frame.Key;
        if (key is null) return true;
        if (frame.KeyLines.TryGetValue(key.Value, out int firstLine))
        {
            _errors.Add(key.Start, "", $"duplicate field \"{key.Value}\" (first set at line {firstLine})");
            return true;
        }
        frame.KeyLines.Add(key.Value, key.Start.Line);
        frame.Entries.Add(new KeyValuePair<SourceScalar, SourceNode>(key, node));
        return true;
    }

    private int LineStart(int index)
    {
        int i = Math.Min(index, _text.Length);
        while (i > 0 && _text[i - 1] != '\n') i--;
        return i;
    }

    /// <summary>Character offset of a mark; files are at most 16 MiB, so it fits an int.</summary>
    private static int Offset(Mark mark) => (int)mark.Index;

    internal static Position ToPosition(Mark mark) => new((int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    /// <summary>YamlDotNet's message without its own position suffix, in the loader's lower-case style.</summary>
    internal static string CleanMessage(string message)
    {
        var text = PositionSuffix().Replace(message, "").Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    [GeneratedRegex(@"\s*\(at Line: \d+, Col: \d+, Idx: \d+\)")]
    private static partial Regex PositionSuffix();

    private sealed class Frame(NodeEvent start, bool isMapping)
    {
        public NodeEvent Start { get; } = start;
        public bool IsMapping { get; } = isMapping;
        public List<SourceNode> Items { get; } = [];
        public List<KeyValuePair<SourceScalar, SourceNode>> Entries { get; } = [];
        public Dictionary<string, int> KeyLines { get; } = new(StringComparer.Ordinal);
        public bool HasKey { get; set; }
        public SourceScalar? Key { get; set; }
    }
}
