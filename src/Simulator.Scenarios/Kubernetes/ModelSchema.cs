using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// What KubernetesClient's models expect at a field path, read from their JSON property names,
/// to turn a deserializer exception into "must be an integer, got "abc"" or a "did you mean" hint.
/// </summary>
internal static class ModelSchema
{
    /// <summary>The model type named in a YamlDotNet message ("k8s.Models.V1Container"), if it is one.</summary>
    public static Type? ModelType(string fullName) => typeof(V1Pod).Assembly.GetType(fullName);

    /// <summary>The JSON names of a model's fields.</summary>
    public static IEnumerable<string> FieldNames(Type model) =>
        model.GetProperties()
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .OfType<string>();

    /// <summary>The CLR type at a path below <paramref name="root"/>, or null if the path leaves the model.</summary>
    public static Type? TypeAt(Type root, IReadOnlyList<object> segments)
    {
        Type? type = root;
        foreach (var segment in segments)
        {
            if (type is null) return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            type = segment is int ? ElementType(type) : MemberType(type, (string)segment);
        }
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>"an integer", "a list", ... for what a field of this type holds.</summary>
    public static string Describe(Type type)
    {
        if (type == typeof(int) || type == typeof(long)) return "an integer";
        if (type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        if (type == typeof(DateTime)) return "a date and time";
        if (type == typeof(ResourceQuantity)) return "a quantity";
        if (type == typeof(IntOrString)) return "an integer or a string";
        if (ElementType(type) is not null) return "a list";
        return "a map";
    }

    public static bool IsScalar(Type type) => Describe(type) is not ("a list" or "a map");

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) ? type.GetGenericArguments()[0] : null;

    private static Type? MemberType(Type type, string name)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            return type.GetGenericArguments()[1];
        foreach (var property in type.GetProperties())
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == name)
                return property.PropertyType;
        return null;
    }
}
