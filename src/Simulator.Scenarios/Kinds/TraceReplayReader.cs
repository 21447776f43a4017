using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Cluster.Workloads.Traces;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// <c>ksim.dev/v1alpha1 TraceReplay</c>: pods (and optionally nodes) from a trace file.
/// <code>
/// spec:
///   format: alibaba-gpu-2023      # the only format so far
///   pods: ../data/alibaba-gpu-2023/openb_pod_list_default.csv    # relative to the scenario file
///   nodes: ../data/alibaba-gpu-2023/openb_node_list_gpu_node.csv # optional: registered at time 0
///   mode: fill                    # replay (default): trace creation/deletion times; fill: the FGD paper's experiment
///   fillTo: 130%                  # fill mode: GPU request to submit, as a share of the cluster's GPUs (default 100%)
///   limit: 2000                   # optional: only the first pods of the list
///   targetWorkload: 95%           # FGD's target workload: the most frequent pod shapes covering this share of the list (default 95%)
/// </code>
/// A scenario holds at most one. The files are copied into the results with the scenario.
/// </summary>
internal static partial class TraceReplayReader
{
    public const string AlibabaFormat = "alibaba-gpu-2023";

    /// <summary>Ten times the cluster's GPUs: far past where every pod fails.</summary>
    public const int MaxFillPercent = 1000;

    private static readonly string[] SpecFields = ["format", "pods", "nodes", "mode", "fillTo", "limit", "targetWorkload"];

    public static void Read(SourceDocument document, LoadContext context)
    {
        var errors = context.Errors;
        int before = errors.Count;
        var root = SourceField.Root(document.Root);
        FieldValues.CheckFields(root, errors, "apiVersion", "kind", "metadata", "spec");
        var metadata = root.Child("metadata");
        FieldValues.CheckFields(metadata, errors, "name", "labels", "annotations");
        var nameField = metadata.Child("name");
        var name = FieldValues.String(nameField, errors);
        KubernetesNames.Check(nameField, name, NameRule.Label, errors);

        var spec = root.Child("spec");
        if (spec.IsMissing)
        {
            errors.At(spec, $"Required value: at least {{format: {AlibabaFormat}, pods: <csv file>}}");
            return;
        }
        FieldValues.CheckFields(spec, errors, SpecFields);
        var formatField = spec.Child("format");
        var format = FieldValues.String(formatField, errors);
        if (formatField.IsMissing) errors.At(formatField, $"Required value: \"{AlibabaFormat}\"");
        else if (format is not null && format != AlibabaFormat)
            errors.At(formatField, $"Unsupported value: \"{format}\": supported values: \"{AlibabaFormat}\"");
        var mode = Mode(spec.Child("mode"), errors);
        var fillTo = FillTo(spec.Child("fillTo"), mode, errors);
        var limit = FieldValues.Integer(spec.Child("limit"), errors, 1, FillPlan.MaxPods);
        var coverage = TargetWorkloadCoverage(spec.Child("targetWorkload"), errors);
        if (errors.Count > before || name is null || mode is null) return;

        var pods = ReadFile(spec.Child("pods"), context, required: true,
            (lines, file, field) => AlibabaPodList.Read(lines, file, field, errors, limit));
        var nodes = ReadFile(spec.Child("nodes"), context, required: false,
            (lines, file, field) => AlibabaNodeList.Read(lines, file, field, errors));
        if (errors.Count > before || pods is null) return;
        if (mode == ReplayMode.Fill && pods.All(p => p.TotalGpuMilli == 0))
        {
            errors.At(spec.Child("pods"), "fill mode needs pods with GPUs: the list's GPU request never reaches fillTo");
            return;
        }

        if (nodes is not null && context.HasRoomForNodes(nodes.Count, spec.Child("nodes")))
            foreach (var node in nodes) context.TryAddNode(node, spec.Child("nodes"));
        var replay = new TraceReplay { Name = name, Mode = mode.Value, FillToPercent = fillTo ?? 100, Pods = pods, TargetWorkloadPercent = coverage ?? TraceReplay.DefaultTargetWorkloadPercent };
        context.SetTraceReplay(replay, root.Child("kind"));
    }

    private static ReplayMode? Mode(SourceField field, ScenarioErrors errors)
    {
        var text = FieldValues.String(field, errors);
        switch (text)
        {
            case null when field.IsMissing:
            case "replay":
                return ReplayMode.Replay;
            case "fill":
                return ReplayMode.Fill;
            case null:
                return null;
            default:
                errors.At(field, $"Unsupported value: \"{text}\": supported values: \"fill\", \"replay\"");
                return null;
        }
    }

    /// <summary><c>fillTo: 130%</c>: a whole percentage, only in fill mode.</summary>
    private static int? FillTo(SourceField field, ReplayMode? mode, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        if (mode == ReplayMode.Replay)
        {
            errors.AtKey(field, "Forbidden: fillTo applies to mode: fill only");
            return null;
        }
        var text = FieldValues.String(field, errors);
        if (text is null) return null;
        if (!Percent().IsMatch(text) || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            || percent < 1 || percent > MaxFillPercent)
        {
            errors.At(field, $"must be a whole percentage between 1% and {MaxFillPercent}% of the cluster's GPUs, such as 130%, got \"{text}\"");
            return null;
        }
        return percent;
    }

    /// <summary><c>targetWorkload: 95%</c>: a whole percentage of the pod list, 1% to 100%.</summary>
    private static int? TargetWorkloadCoverage(SourceField field, ScenarioErrors errors)
    {
        if (field.IsMissing) return null;
        var text = FieldValues.String(field, errors);
        if (text is null) return null;
        if (!Percent().IsMatch(text) || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            || percent < 1 || percent > 100)
        {
            errors.At(field, $"must be a whole percentage of the pod list between 1% and 100%, such as 95%, got \"{text}\"");
            return null;
        }
        return percent;
    }

    private static T? ReadFile<T>(SourceField field, LoadContext context, bool required, Func<string[], string, SourceField, T?> read)
        where T : class
    {
        var errors = context.Errors;
        if (field.IsMissing)
        {
            if (required) errors.At(field, "Required value: a CSV file of the trace, relative to the scenario file");
            return null;
        }
        var file = FieldValues.String(field, errors);
        if (string.IsNullOrEmpty(file))
        {
            if (file is not null) errors.At(field, "Required value: a CSV file of the trace, relative to the scenario file");
            return null;
        }
        var path = DataFile.PathOf(context, file);
        if (DataFile.ReadLines(path, file, field, errors) is not { } lines) return null;
        var result = read(lines, file, field);
        if (result is not null) context.AddDataFile(path);
        return result;
    }

    [GeneratedRegex("^[0-9]+%$", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();
}
