using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Kubernetes;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>ksim.dev/v1alpha1 Traffic</c>: requests aimed at a Service by its DNS name, from a number of
/// clients, at a rate that follows one pattern (see <see cref="TrafficPatternReader"/>). Read after
/// the objects, so the Service may come later in the file.
/// </summary>
internal static class TrafficReader
{
    public const int DefaultClients = 100;
    public const int MaxClients = 1_000_000;

    private const string ClusterDomain = "svc.cluster.local";

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec");
        var metadata = root.Child("metadata");
        FieldValues.CheckFields(metadata, errors, "name", "namespace", "labels", "annotations");
        var nameField = metadata.Child("name");
        var name = FieldValues.String(nameField, errors);
        KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors);
        var ns = Kubernetes.ManifestMetadata.Namespace(metadata, errors);

        var spec = root.Child("spec");
        if (spec.IsMissing)
        {
            errors.At(spec, "Required value: at least a target and a rate, e.g. {target: web, rate: 50}");
            return;
        }
        FieldValues.CheckFields(spec, errors, [.. TrafficPatternReader.PatternFields, "target", "clients", "timeout", "start", "end"]);
        var service = Target(spec.Child("target"), ns, context);
        var clientsField = spec.Child("clients");
        var clients = FieldValues.Integer(clientsField, errors, 1, MaxClients);
        var timeout = FieldValues.Duration(spec.Child("timeout"), errors, positive: true);
        var start = FieldValues.Duration(spec.Child("start"), errors, positive: false) ?? SimDuration.Zero;
        var endField = spec.Child("end");
        var end = FieldValues.Duration(endField, errors, positive: false);
        if (end is { } e && e <= start)
            errors.At(endField, $"must be later than start ({start}), got \"{endField.Scalar!.Value}\"");
        var pattern = TrafficPatternReader.Read(spec, context);
        if (errors.Count > before || name is null || service is null || pattern is null) return;

        context.AddTraffic(new Traffic
        {
            Name = name,
            Namespace = ns,
            Target = service.DnsName,
            Pattern = pattern,
            Clients = (int)(clients ?? DefaultClients),
            Timeout = timeout,
            Start = SimTime.Zero + start,
            End = end is { } endAt ? SimTime.Zero + endAt : null,
        }, nameField);
    }

    /// <summary>
    /// The Service a DNS name resolves to from <paramref name="ns"/>, as cluster DNS resolves it:
    /// <c>web</c>, <c>web.shop</c>, <c>web.shop.svc</c> or <c>web.shop.svc.cluster.local</c>.
    /// </summary>
    private static Service? Target(SourceField field, string ns, LoadContext context)
    {
        var errors = context.Errors;
        var text = FieldValues.String(field, errors);
        if (string.IsNullOrEmpty(text))
        {
            errors.At(field, "Required value: a Service's DNS name, e.g. web.default.svc.cluster.local");
            return null;
        }
        var name = text.TrimEnd('.');
        var parts = name.Split('.', 2);
        var (service, targetNs) = (parts[0], ns);
        if (parts.Length == 2)
        {
            var rest = parts[1].Split('.', 2);
            targetNs = rest[0];
            if (rest.Length == 2 && rest[1] is not ("svc" or ClusterDomain))
            {
                errors.At(field, $"must be a Service's DNS name (<service>, <service>.<namespace> or <service>.<namespace>.{ClusterDomain}), got \"{text}\"");
                return null;
            }
        }
        if (context.Find<Service>(targetNs, service) is { } found) return found;
        // The Service's own errors say what is wrong; "not found" would only add confusion.
        if (context.IsDeclared("Service", targetNs, service)) return null;
        errors.At(field, $"service \"{service}\" not found in namespace \"{targetNs}\"{Suggestions.Hint(service, context.NamesOf<Service>(targetNs))}");
        return null;
    }
}
