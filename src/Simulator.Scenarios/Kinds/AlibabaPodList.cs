using Simulator.Cluster.Accelerators;
using Simulator.Cluster.Workloads.Traces;
using Simulator.Scenarios.Validation;
using Simulator.Scenarios.Yaml;

namespace Simulator.Scenarios.Kinds;

/// <summary>
/// The pod list of Alibaba's GPU trace 2023 (openb_pod_list_*.csv): <c>name, cpu_milli,
/// memory_mib, num_gpu, gpu_milli, gpu_spec, creation_time, deletion_time</c> (the trace's qos,
/// pod_phase and scheduled_time columns are not used). gpu_milli is the share of each GPU:
/// 1-999 only with num_gpu 1 (a share of one GPU), 1000 for whole GPUs, 0 without GPUs.
/// </summary>
internal static class AlibabaPodList
{
    public static readonly string[] Columns =
        ["name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli", "gpu_spec", "creation_time", "deletion_time"];

    /// <summary>Larger than any GPU server: 8 is the trace's most, and 64 already a rack.</summary>
    public const int MaxGpus = 64;

    /// <summary>Over a thousand years: a larger time is a unit mistake.</summary>
    public const long MaxSeconds = 40_000_000_000;

    /// <summary>The pods, at most <paramref name="limit"/> of them; null after reporting errors.</summary>
    public static List<TracePod>? Read(string[] lines, string file, SourceField fileField, ScenarioErrors errors, long? limit)
    {
        var table = TraceCsvTable.Open(lines, file, fileField, errors, Columns);
        if (table is null) return null;
        int before = errors.Count;
        var pods = new List<TracePod>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while ((limit is not { } l || pods.Count < l) && table.NextRow(before))
        {
            if (Row(table, names) is { } pod) pods.Add(pod);
        }
        if (errors.Count == before && pods.Count == 0)
            errors.At(fileField, $"{file}: has no pods after the header");
        return errors.Count > before ? null : pods;
    }

    private static TracePod? Row(TraceCsvTable table, HashSet<string> names)
    {
        string name = table.Text("name");
        bool ok = true;
        foreach (var message in KubernetesNames.SubdomainErrors(name))
        {
            table.Error("name", $"Invalid value: \"{name}\": {message}");
            ok = false;
        }
        if (ok && !names.Add(name))
        {
            table.Error("name", $"pods \"{name}\" already exists");
            ok = false;
        }
        var cpu = table.Integer("cpu_milli", 0, long.MaxValue / 1000);
        var memory = table.Integer("memory_mib", 0, long.MaxValue / (1024 * 1024));
        var gpus = table.Integer("num_gpu", 0, MaxGpus);
        var milli = table.Integer("gpu_milli", 0, GpuDemand.MilliPerGpu);
        var models = GpuModels(table);
        var created = table.Integer("creation_time", 0, MaxSeconds);
        var deleted = table.Integer("deletion_time", 0, MaxSeconds);
        if (gpus is { } g && milli is { } m)
        {
            if (g == 0 && m != 0) { table.Error("gpu_milli", $"must be 0 when num_gpu is 0, got \"{m}\""); ok = false; }
            else if (g == 1 && m == 0) { table.Error("gpu_milli", "must be between 1 and 1000 when num_gpu is 1, got \"0\""); ok = false; }
            else if (g > 1 && m != GpuDemand.MilliPerGpu)
            {
                table.Error("gpu_milli", $"must be 1000 when num_gpu is more than 1 (a share is of one GPU), got \"{m}\"");
                ok = false;
            }
        }
        if (!ok || cpu is null || memory is null || gpus is null || milli is null || models is null || created is null || deleted is null) return null;
        return new TracePod
        {
            Name = name,
            CpuMilli = cpu.Value,
            MemoryMib = memory.Value,
            GpuCount = (int)gpus.Value,
            GpuMilli = (int)milli.Value,
            GpuModels = models,
            CreationSeconds = created.Value,
            DeletionSeconds = deleted.Value,
        };
    }

    /// <summary>gpu_spec: '|'-separated GPU models, each a valid label value (it is matched against nvidia.com/gpu.product).</summary>
    private static List<string>? GpuModels(TraceCsvTable table)
    {
        string spec = table.Text("gpu_spec");
        if (spec.Length == 0) return [];
        var models = new List<string>();
        foreach (var model in spec.Split('|'))
        {
            if (!LabelValues.IsValid(model))
            {
                table.Error("gpu_spec", $"each '|'-separated GPU model must be a valid label value (nvidia.com/gpu.product), got \"{model}\"");
                return null;
            }
            if (!models.Contains(model, StringComparer.Ordinal)) models.Add(model);
        }
        return models;
    }
}
