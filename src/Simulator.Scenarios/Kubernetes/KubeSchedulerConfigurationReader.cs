using Simulator.Cluster.Scheduling.Framework;
using Simulator.Cluster.Scheduling.Plugins;
using Simulator.Cluster.Scheduling.Profiles;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kubernetes;

/// <summary>
/// <c>kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration</c>: its profiles, each merged
/// into kube-scheduler's defaults (<see cref="ConfiguredProfile"/>), defaulted as v1 does (no
/// profiles: one default profile; a single profile without a name: default-scheduler) and
/// checked as apis/config/validation does. Fields about the scheduler process (leader election,
/// client connection, parallelism...) are accepted and ignored; the binding points (preEnqueue,
/// preBind, bind, postBind) are accepted and ignored, since ksim binds in the scheduling cycle.
/// </summary>
internal static class KubeSchedulerConfigurationReader
{
    public const string ApiVersion = "kubescheduler.config.k8s.io/v1";

    private static readonly string[] IgnoredPoints = ["preEnqueue", "preBind", "bind", "postBind"];

    /// <summary>kube-scheduler's in-tree plugins that ksim does not simulate: they may be disabled, not enabled.</summary>
    private static readonly string[] NotSimulated =
    [
        "SchedulingGates", "NodePorts", "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone",
        "ImageLocality", "DefaultBinder", "DynamicResources",
    ];

    private static readonly string[] ProcessFields =
    [
        "parallelism", "leaderElection", "clientConnection", "healthzBindAddress", "metricsBindAddress",
        "enableProfiling", "enableContentionProfiling", "delayCacheUntilActive",
    ];

    private static readonly string[] NotYetFields = ["podInitialBackoffSeconds", "podMaxBackoffSeconds", "extenders"];

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, ["apiVersion", "kind", "profiles", "percentageOfNodesToScore", .. ProcessFields, .. NotYetFields]);
        foreach (var name in NotYetFields)
            if (!root.Child(name).IsMissing) errors.AtKey(root.Child(name), $"not simulated by ksim: the scheduler's queue timing and extenders are fixed");
        int before = errors.Count;
        int? global = Percentage(root.Child("percentageOfNodesToScore"), errors);

        var profilesField = root.Child("profiles");
        var items = FieldValues.List(profilesField, errors).ToList();
        var specs = new List<(ProfileSpec Spec, SourceField Field)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (items.Count == 0)
            specs.Add((ConfiguredProfile.Merge(DefaultProfile.Spec, ProfileSelection.DefaultSchedulerName, [], new Dictionary<string, PluginArgs>(), global ?? 0), profilesField));
        foreach (var item in items)
        {
            var spec = ReadProfile(item, items.Count, global, errors);
            if (spec is null) continue;
            var nameField = item.Child("schedulerName");
            if (names.TryGetValue(spec.Name, out var first))
                errors.At(nameField, $"Duplicate value: \"{spec.Name}\" (also {first}.schedulerName)");
            else names[spec.Name] = item.Path;
            specs.Add((spec, item));
        }
        if (errors.Count > before) return;

        // validateCommonQueueSort: every profile sorts the one queue the same way.
        var sorts = specs.Select(s => (s.Field, Sort: CheckBuild(s.Spec, s.Field, errors))).ToList();
        for (int i = 1; i < sorts.Count; i++)
        {
            if (sorts[i].Sort is null || sorts[0].Sort is null || sorts[i].Sort == sorts[0].Sort) continue;
            errors.At(sorts[i].Field.Child("plugins").Child("queueSort"),
                $"Invalid value: {sorts[i].Sort}: queueSort must be the same for all profiles ({sorts[0].Field.Path} sorts with {sorts[0].Sort})");
        }
        if (errors.Count > before) return;
        context.SetSchedulerConfiguration([.. specs.Select(s => s.Spec)], root.Child("kind"));
    }

    private static int? Percentage(SourceField field, ScenarioErrors errors)
    {
        long? p = FieldValues.Integer(field, errors, int.MinValue, int.MaxValue);
        if (p is < 0 or > 100)
        {
            errors.At(field, $"Invalid value: {p}: not in valid range [0-100]");
            return null;
        }
        return (int?)p;
    }

    private static ProfileSpec? ReadProfile(SourceField item, int count, int? global, ScenarioErrors errors)
    {
        int before = errors.Count;
        FieldValues.CheckFields(item, errors, "schedulerName", "percentageOfNodesToScore", "plugins", "pluginConfig");
        var nameField = item.Child("schedulerName");
        var name = FieldValues.String(nameField, errors);
        if (string.IsNullOrEmpty(name))
        {
            if (count == 1 && nameField.IsMissing) name = ProfileSelection.DefaultSchedulerName;
            else errors.At(nameField, "Required value");
        }
        int? percentage = Percentage(item.Child("percentageOfNodesToScore"), errors);

        var plugins = item.Child("plugins");
        FieldValues.CheckFields(plugins, errors, [.. SchedulerConfigurationPoints.All.Select(p => p.Field), .. IgnoredPoints]);
        var sets = new List<PluginSet>();
        foreach (var (field, at) in SchedulerConfigurationPoints.All)
            if (ReadSet(plugins.Child(field), at, errors) is { } set) sets.Add(set);

        var args = new Dictionary<string, PluginArgs>(StringComparer.Ordinal);
        foreach (var config in FieldValues.List(item.Child("pluginConfig"), errors))
        {
            FieldValues.CheckFields(config, errors, "name", "args");
            var pluginField = config.Child("name");
            var plugin = FieldValues.String(pluginField, errors);
            if (plugin is null)
            {
                errors.At(pluginField, "Required value");
                continue;
            }
            if (args.ContainsKey(plugin))
            {
                errors.At(config, $"Duplicate value: \"{plugin}\"");
                continue;
            }
            if (plugin == PluginNames.PodTopologySpread)
            {
                if (PodTopologySpreadArgsReader.Read(config.Child("args"), errors) is { } spread) args[plugin] = spread;
                continue;
            }
            if (plugin == GpuShare.PluginName)
            {
                if (GpuShareArgsReader.Read(config.Child("args"), errors) is { } gpus) args[plugin] = gpus;
                continue;
            }
            if (plugin != PluginNames.NodeResourcesFit)
            {
                if (CheckName(pluginField, plugin, errors, enabling: false))
                    errors.At(pluginField, $"Unsupported value: \"{plugin}\": ksim reads the args of {PluginNames.NodeResourcesFit}, {PluginNames.PodTopologySpread} and {GpuShare.PluginName} only");
                continue;
            }
            if (NodeResourcesFitArgsReader.Read(config.Child("args"), errors) is { } fit) args[plugin] = fit;
        }

        if (errors.Count > before || name is null) return null;
        return ConfiguredProfile.Merge(DefaultProfile.Spec, name, sets, args, percentage ?? global ?? 0);
    }

    private static PluginSet? ReadSet(SourceField field, ExtensionPoints at, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        FieldValues.CheckFields(field, errors, "enabled", "disabled");
        var enabled = new List<EnabledPlugin>();
        foreach (var e in FieldValues.List(field.Child("enabled"), errors))
        {
            FieldValues.CheckFields(e, errors, "name", "weight");
            var nameField = e.Child("name");
            var name = FieldValues.String(nameField, errors);
            var weightField = e.Child("weight");
            long? weight = FieldValues.Integer(weightField, errors, int.MinValue, int.MaxValue);
            if (weight is < 1 or > 100)
                errors.At(weightField, $"Invalid value: {weight}: plugin weight not in valid range [1, 100]");
            if (name is null)
            {
                errors.At(nameField, "Required value");
                continue;
            }
            if (!CheckName(nameField, name, errors, enabling: true)) continue;
            if (enabled.Any(p => p.Name == name))
                errors.At(nameField, $"Duplicate value: \"{name}\"");
            else enabled.Add(new EnabledPlugin(name, (int)(weight ?? 0)));
        }
        var disabled = new List<string>();
        foreach (var d in FieldValues.List(field.Child("disabled"), errors))
        {
            FieldValues.CheckFields(d, errors, "name");
            var nameField = d.Child("name");
            var name = FieldValues.String(nameField, errors);
            if (name is null) errors.At(nameField, "Required value");
            else if (name == PluginSet.All || CheckName(nameField, name, errors, enabling: false)) disabled.Add(name);
        }
        return new PluginSet(at, enabled, disabled);
    }

    /// <summary>A plugin ksim has; or, when disabling, one of kube-scheduler's that ksim leaves out anyway.</summary>
    private static bool CheckName(SourceField field, string name, ScenarioErrors errors, bool enabling)
    {
        if (PluginRegistry.Exists(name)) return true;
        if (Array.IndexOf(NotSimulated, name) >= 0)
        {
            if (!enabling) return true;
            errors.At(field, $"Unsupported value: \"{name}\": kube-scheduler's {name} plugin is not simulated by ksim (simulated: {KnownPlugins()})");
            return false;
        }
        var hint = Suggestions.Hint(name, PluginRegistry.Names.Concat(NotSimulated));
        errors.At(field, $"unknown scheduler plugin \"{name}\"{hint} (known: {KnownPlugins()})");
        return false;
    }

    private static string KnownPlugins() => string.Join(", ", PluginRegistry.Names.Order(StringComparer.Ordinal));

    /// <summary>The profile's queue sort, or null after reporting why it cannot be built.</summary>
    private static string? CheckBuild(ProfileSpec spec, SourceField field, ScenarioErrors errors)
    {
        var sort = ProfileChecks.QueueSortOf(spec, out var error);
        if (error is not null) errors.At(field.Child("plugins"), error);
        return sort;
    }
}
