using System.Globalization;
using System.Net;
using System.Net.Sockets;
using k8s.Models;
using Simulator.Cluster.Api;
using Simulator.Engine;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>v1 Service</c>: a stable name and virtual IP in front of the pods its selector picks,
/// checked as ValidateService does. NodePort and LoadBalancer Services are read as ClusterIP
/// ones: every such Service has a cluster IP too, and ksim's Traffic reaches Services by their
/// cluster DNS name, so the outside entry points would change nothing. ExternalName has no
/// endpoints to balance over and is refused.
/// </summary>
internal static class ServiceReader
{
    public const int DefaultAffinityTimeoutSeconds = 10800;
    public const int MaxAffinityTimeoutSeconds = 86400;

    private static readonly (string Name, LoadBalancingMode Mode)[] Modes =
    [
        ("random", LoadBalancingMode.Random),
        ("round-robin", LoadBalancingMode.RoundRobin),
        ("least-connections", LoadBalancingMode.LeastConnections),
    ];

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var v1 = TypedManifest.Read<V1Service>(context.Text, document, [], errors);
        if (v1 is null) return;
        context.Declare("Service", v1.Metadata?.NamespaceProperty, v1.Metadata?.Name);

        int before = errors.Count;
        var metadataField = root.Child("metadata");
        var meta = ManifestMetadata.Read(v1.Metadata, metadataField, errors, AnnotationTarget.Service, NameRule.Dns1035Label);
        var annotations = metadataField.Child("annotations");
        var mode = LoadBalancing(annotations.Child(WorkloadAnnotations.LbMode), errors);
        var slo = FieldValues.Duration(annotations.Child(WorkloadAnnotations.SloLatency), errors, positive: true);

        var spec = root.Child("spec");
        var s = v1.Spec ?? new V1ServiceSpec();
        bool simulated = CheckType(s.Type, spec.Child("type"), errors);
        var clusterIP = ClusterIP(s.ClusterIP, spec.Child("clusterIP"), errors);
        var ports = ServicePortReader.Read(s.Ports, spec.Child("ports"), errors);
        if (simulated && s.Ports is not { Count: > 0 } && clusterIP != "None")
            errors.At(spec.Child("ports"), "Required value");
        var (affinity, timeout) = SessionAffinity(s, spec, errors);
        if (errors.Count > before || meta is null) return;

        var service = new Service
        {
            Metadata = meta.Metadata,
            Spec = new ServiceSpec
            {
                Selector = PodSpecReader.Copy(s.Selector),
                Ports = ports,
                ClusterIP = clusterIP,
                SessionAffinity = affinity,
                SessionAffinityTimeout = timeout,
            },
            LoadBalancing = mode,
            SloLatency = slo,
        };
        context.AddWorkload(new ObjectSubmission(meta.SubmitAt, service), meta.NameField, "services");
    }

    private static LoadBalancingMode LoadBalancing(SourceField field, ScenarioErrors errors)
    {
        var text = FieldValues.String(field, errors);
        if (text is null) return LoadBalancingMode.Random;
        int index = Array.FindIndex(Modes, m => m.Name == text);
        if (index >= 0) return Modes[index].Mode;
        var names = Modes.Select(m => m.Name).ToArray();
        errors.At(field, $"unknown load-balancing mode \"{text}\"{Suggestions.Hint(text, names)} (known: {string.Join(", ", names)})");
        return LoadBalancingMode.Random;
    }

    /// <summary>False after reporting a type ksim does not simulate.</summary>
    private static bool CheckType(string? type, SourceField field, ScenarioErrors errors)
    {
        switch (type)
        {
            case null or "" or "ClusterIP" or "NodePort" or "LoadBalancer":
                return true;
            case "ExternalName":
                errors.At(field, "only ClusterIP Services are simulated (NodePort and LoadBalancer are read as ClusterIP); an ExternalName Service has no endpoints to balance over");
                return false;
            default:
                errors.At(field, $"Unsupported value: \"{type}\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
                return false;
        }
    }

    /// <summary>
    /// "" (assigned at creation), "None" (headless), or a literal address, kept only if it lies in
    /// the service CIDR ksim allocates from (kube-apiserver's default 10.96.0.0/12).
    /// </summary>
    private static string ClusterIP(string? text, SourceField field, ScenarioErrors errors)
    {
        if (string.IsNullOrEmpty(text) || text == "None") return text ?? "";
        // IPAddress.Parse also takes shorthand such as "10.1" (10.0.0.1); the API server does not.
        if (!IPAddress.TryParse(text, out var ip) || (ip.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3))
        {
            errors.At(field, $"Invalid value: \"{text}\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff) or \"None\"");
            return "";
        }
        if (ip.AddressFamily != AddressFamily.InterNetwork)
        {
            errors.At(field, $"Invalid value: \"{text}\": only IPv4 cluster IPs are simulated (the service CIDR is 10.96.0.0/12)");
            return "";
        }
        var bytes = ip.GetAddressBytes();
        // 10.96.0.0/12: the first octet is 10 and the top four bits of the second are those of 96.
        if (bytes[0] != 10 || (bytes[1] & 0xF0) != 96)
        {
            errors.At(field, $"Invalid value: \"{text}\": provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12");
            return "";
        }
        return text;
    }

    private static (ServiceAffinity Affinity, SimDuration Timeout) SessionAffinity(V1ServiceSpec s, SourceField spec, ScenarioErrors errors)
    {
        var affinityField = spec.Child("sessionAffinity");
        var configField = spec.Child("sessionAffinityConfig");
        var affinity = s.SessionAffinity switch
        {
            null or "" or "None" => ServiceAffinity.None,
            "ClientIP" => ServiceAffinity.ClientIP,
            var other => PodRules.Unsupported<ServiceAffinity>(other, affinityField, errors, "\"ClientIP\", \"None\"") ?? ServiceAffinity.None,
        };
        int seconds = DefaultAffinityTimeoutSeconds;
        if (s.SessionAffinityConfig is { } config)
        {
            if (affinity != ServiceAffinity.ClientIP)
                errors.AtKey(configField, $"Invalid value: \"{s.SessionAffinity ?? "None"}\": must not be set when session affinity is {s.SessionAffinity ?? "None"}");
            else if (config.ClientIP?.TimeoutSeconds is { } t)
            {
                if (t is <= 0 or > MaxAffinityTimeoutSeconds)
                    errors.At(configField.Child("clientIP").Child("timeoutSeconds"),
                        $"Invalid value: {t.ToString(CultureInfo.InvariantCulture)}: must be greater than 0 and less than {MaxAffinityTimeoutSeconds}");
                else seconds = t;
            }
        }
        return (affinity, SimDuration.FromSeconds(seconds));
    }
}
