using System.Globalization;
using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// A Service's <c>spec.ports</c>, checked as ValidateService does. <c>targetPort</c> is read from
/// the source tree because an IntOrString means a number or a container port's name depending on
/// how it is written; ksim routes by number, so a named target port is refused.
/// </summary>
internal static class ServicePortReader
{
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public static List<ServicePort> Read(IList<V1ServicePort>? v1, SourceField ports, ScenarioErrors errors)
    {
        var result = new List<ServicePort>();
        if (v1 is null) return result;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < v1.Count; i++)
        {
            var port = v1[i];
            var item = ports.Item(i);
            int before = errors.Count;
            var name = port.Name ?? "";
            // More than one port: each needs a name, so that an EndpointSlice can tell them apart.
            if (name.Length == 0 && v1.Count > 1) errors.At(item.Child("name"), "Required value");
            else if (name.Length > 0 && KubernetesNames.Check(item.Child("name"), name, NameRule.Label, errors) && !names.Add(name))
                errors.At(item.Child("name"), $"Duplicate value: \"{name}\"");
            if (port.Port is < 1 or > 65535)
                errors.At(item.Child("port"), $"Invalid value: {port.Port.ToString(CultureInfo.InvariantCulture)}: must be between 1 and 65535, inclusive");
            var protocol = string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol;
            if (Array.IndexOf(Protocols, protocol) < 0)
                errors.At(item.Child("protocol"), $"Unsupported value: \"{protocol}\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
            int target = TargetPort(item.Child("targetPort"), port.Port, errors);
            if (errors.Count == before) result.Add(new ServicePort(name, port.Port, target, protocol));
        }
        return result;
    }

    /// <summary>The target port number; Kubernetes defaults it to the Service port.</summary>
    private static int TargetPort(SourceField field, int port, ScenarioErrors errors)
    {
        var text = FieldValues.String(field, errors);
        if (text is null) return port;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            errors.At(field, $"named target port \"{text}\" is not simulated: give the container's port number");
            return port;
        }
        if (number is >= 1 and <= 65535) return number;
        errors.At(field, $"Invalid value: {text}: must be between 1 and 65535, inclusive");
        return port;
    }
}
