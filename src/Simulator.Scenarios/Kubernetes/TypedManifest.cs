using System.Text;
using System.Text.RegularExpressions;
using k8s;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;
using YamlDotNet.Core;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// Reads a Kubernetes document into KubernetesClient's typed model in strict mode, so that a
/// misspelled field is an error, and maps the deserializer's failure back to the file's position
/// and field path.
/// </summary>
internal static partial class TypedManifest
{
    /// <summary>
    /// The typed object, or null after reporting why not. <paramref name="quantities"/> are the
    /// resource values the loader reads itself from the source tree: they are blanked to "0" in the
    /// text given to the deserializer, whose own quantity parser would otherwise stop at the first
    /// bad one with a less precise message.
    /// </summary>
    public static T? Read<T>(string fileText, SourceDocument document, IEnumerable<SourceField> quantities, ScenarioErrors errors)
        where T : class
    {
        var text = WithPlaceholders(fileText, document, quantities);
        try
        {
            return KubernetesYaml.Deserialize<T>(text, strict: true);
        }
        catch (YamlException e)
        {
            Report(e, typeof(T), document, errors);
            return null;
        }
    }

    /// <summary>
    /// The document's text with each quantity replaced by "0" and spaces, keeping its length and
    /// line breaks so that every later position still matches the file.
    /// </summary>
    private static string WithPlaceholders(string fileText, SourceDocument document, IEnumerable<SourceField> quantities)
    {
        var text = new StringBuilder(fileText, document.TextStart, document.TextEnd - document.TextStart, document.TextEnd - document.TextStart);
        foreach (var field in quantities)
        {
            if (field.Node is not SourceScalar { IsNull: false } scalar) continue;
            int start = scalar.StartIndex - document.TextStart;
            int end = scalar.EndIndex - document.TextStart;
            // An anchor or tag before the value would be erased with it; leave those to the deserializer.
            if (start < 0 || end > text.Length || end <= start || text[start] is '&' or '!') continue;
            text[start] = '0';
            for (int i = start + 1; i < end; i++)
                if (text[i] is not ('\n' or '\r')) text[i] = ' ';
        }
        return text.ToString();
    }

    private static void Report(YamlException e, Type root, SourceDocument document, ScenarioErrors errors)
    {
        var at = new Position(document.FileLine((int)e.Start.Line), (int)e.Start.Column);
        var unknown = UnknownProperty().Match(e.Message);
        if (unknown.Success)
        {
            string name = unknown.Groups[1].Value;
            var model = ModelSchema.ModelType(unknown.Groups[2].Value);
            string hint = model is null ? "" : Suggestions.Hint(name, ModelSchema.FieldNames(model));
            var keyLocation = PositionLookup.Find(document.Root, at, key: true);
            errors.Add(at, keyLocation?.Path ?? "", $"unknown field \"{name}\"{hint}");
            return;
        }

        var location = PositionLookup.Find(document.Root, at, key: false);
        var expected = location is null ? null : ModelSchema.TypeAt(root, location.Segments);
        if (location is null || expected is null)
        {
            errors.Add(at, location?.Path ?? "", SourceReader.CleanMessage(Innermost(e).Message));
            return;
        }
        string want = ModelSchema.Describe(expected);
        string message = location.Node is SourceScalar scalar && ModelSchema.IsScalar(expected)
            ? $"must be {want}, got {scalar.Describe()}"
            : $"expected {want}, got {location.Node.Describe()}";
        errors.Add(at, location.Path, message);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    [GeneratedRegex(@"^Property '(.+)' not found on type '(.+)'")]
    private static partial Regex UnknownProperty();
}
