using System.Text.RegularExpressions;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Validation;

internal enum NameRule
{
    /// <summary>RFC 1123 subdomain: object names such as nodes and pods.</summary>
    Subdomain,

    /// <summary>RFC 1123 label: namespaces, container names.</summary>
    Label,

    /// <summary>RFC 1035 label (starts with a letter): Service names, which become DNS names.</summary>
    Dns1035Label,
}

/// <summary>
/// Kubernetes' object-name rules (apimachinery <c>util/validation</c>), with its message texts, so
/// that a name ksim accepts is a name a real API server accepts.
/// </summary>
internal static partial class KubernetesNames
{
    public const int SubdomainMaxLength = 253;
    public const int LabelMaxLength = 63;

    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string Dns1035Message =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>Names of nodes, pods, priority classes: IsDNS1123Subdomain.</summary>
    public static IEnumerable<string> SubdomainErrors(string name)
    {
        if (name.Length > SubdomainMaxLength) yield return $"must be no more than {SubdomainMaxLength} characters";
        if (!Subdomain().IsMatch(name)) yield return SubdomainMessage;
    }

    /// <summary>Namespaces, container names, node pool names: IsDNS1123Label.</summary>
    public static IEnumerable<string> LabelErrors(string name)
    {
        if (name.Length > LabelMaxLength) yield return $"must be no more than {LabelMaxLength} characters";
        if (!Label().IsMatch(name)) yield return LabelMessage;
    }

    /// <summary>Service names: IsDNS1035Label.</summary>
    public static IEnumerable<string> Dns1035Errors(string name)
    {
        if (name.Length > LabelMaxLength) yield return $"must be no more than {LabelMaxLength} characters";
        if (!Dns1035().IsMatch(name)) yield return Dns1035Message;
    }

    /// <summary>Reports a missing or invalid object name the way the API server does; true if it is valid.</summary>
    public static bool Check(SourceField field, string? name, NameRule rule, ScenarioErrors errors,
        string requiredMessage = "Required value")
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.At(field, requiredMessage);
            return false;
        }
        bool ok = true;
        var messages = rule switch
        {
            NameRule.Label => LabelErrors(name),
            NameRule.Dns1035Label => Dns1035Errors(name),
            _ => SubdomainErrors(name),
        };
        foreach (var message in messages)
        {
            errors.At(field, $"Invalid value: \"{name}\": {message}");
            ok = false;
        }
        return ok;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035();
}
