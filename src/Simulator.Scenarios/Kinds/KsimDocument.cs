using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The layout every ksim.dev kind shares with Kubernetes objects: apiVersion, kind, metadata and
/// spec at the top level, and a metadata.name. Metadata labels and annotations are accepted and
/// not used.
/// </summary>
internal static class KsimDocument
{
    /// <summary>
    /// The document's name (null if it is missing or not a string) and where it is written, after
    /// reporting unknown fields at the top level and in metadata.
    /// </summary>
    public static (string? Name, SourceField NameField) ReadName(SourceField root, ScenarioErrors errors)
    {
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec");
        var metadata = root.Child("metadata");
        FieldValues.CheckFields(metadata, errors, "name", "labels", "annotations");
        var nameField = metadata.Child("name");
        return (FieldValues.String(nameField, errors), nameField);
    }
}
