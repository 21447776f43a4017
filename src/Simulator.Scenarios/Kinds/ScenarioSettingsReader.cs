using Simulator.Cluster.Api;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>ksim.dev/v1alpha1 Scenario</c>: the run's name, seed, duration, scheduler profile, kubelet
/// timing, scripted timeline, random fault models, the throughput table's extra rows
/// (<see cref="ThroughputTableReader"/>) and the Cluster Autoscaler's flags (<see cref="ClusterAutoscalerReader"/>). Read after every other document, because
/// the timeline names nodes and pools that those define.
/// </summary>
internal static class ScenarioSettingsReader
{
    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        var root = SourceField.Root(document.Root);
        var (name, nameField) = KsimDocument.ReadName(root, errors);
        if (name is not null) KubernetesNames.Check(nameField, name, NameRule.Subdomain, errors);

        var spec = root.Child("spec");
        FieldValues.CheckFields(spec, errors, "description", "seed", "duration", "profile", "metricsInterval", "kubelet", "timeline", "faults", "throughputTable", "clusterAutoscaler");
        var profileField = spec.Child("profile");
        var profile = FieldValues.String(profileField, errors);
        if (profile is not null && !SchedulerProfiles.IsKnown(profile, context.SchedulerConfiguration))
            errors.At(profileField, SchedulerProfiles.UnknownMessage(profile, context.SchedulerConfiguration));
        else if (profile is not null && SchedulerProfiles.QueueSortConflict(profile, context.SchedulerConfiguration) is { } conflict)
            errors.At(profileField, conflict);

        var kubelet = spec.Child("kubelet");
        FieldValues.CheckFields(kubelet, errors, "imagePullBandwidth", "containerStartTime");
        var bandwidthField = kubelet.Child("imagePullBandwidth");
        var bandwidth = FieldValues.Quantity(bandwidthField, errors, ResourceNames.Memory);
        if (bandwidth == 0)
            errors.At(bandwidthField, "must be greater than 0 bytes per second");

        context.SetSettings(new ScenarioSettings
        {
            Name = name,
            Description = FieldValues.String(spec.Child("description"), errors),
            Seed = FieldValues.UnsignedInteger(spec.Child("seed"), errors),
            Duration = FieldValues.Duration(spec.Child("duration"), errors, positive: true),
            Profile = profile,
            MetricsInterval = FieldValues.Duration(spec.Child("metricsInterval"), errors, positive: true),
            ImagePullBytesPerSecond = bandwidth,
            ContainerStartTime = FieldValues.Duration(kubelet.Child("containerStartTime"), errors, positive: false),
            Timeline = TimelineReader.Read(spec.Child("timeline"), context),
            FaultModels = FaultModelReader.Read(spec.Child("faults"), errors),
            Throughput = ThroughputTableReader.Read(spec.Child("throughputTable"), context),
            ClusterAutoscaler = ClusterAutoscalerReader.Read(spec.Child("clusterAutoscaler"), errors),
        }, root.Child("kind"));
    }
}
