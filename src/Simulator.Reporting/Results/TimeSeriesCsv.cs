using System.Globalization;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// timeseries.csv: one row per sampling instant. The fixed counts come first
/// (<c>not_ready_nodes</c> and <c>terminating_pods</c> right after <c>ready_nodes</c>, so the counts
/// stay together); then every resource that appears in any row gets three columns (requested,
/// allocatable, allocation ratio), in ordinal order of resource name, so the header depends only
/// on the data. Then, for every GPU model (the nodes' accelerator label) seen in the run, in
/// ordinal order: <c>gpu_alloc_&lt;model&gt;</c> (GPUs allocated to pods, whole GPUs plus
/// ksim.dev/gpu-milli shares, in GPU units with three decimals), <c>gpu_total_&lt;model&gt;</c>
/// (GPUs on Ready nodes) and <c>gpu_allocation_&lt;model&gt;</c> (their ratio); then <c>used_&lt;r&gt;</c> and
/// <c>utilization_&lt;r&gt;</c> (used over allocatable) for CPU and GPUs (see ResourceUsage). Last, <c>cost</c>:
/// the NodePools' cost from the start of the run to the row's time (six decimals, never decreasing).
/// </summary>
internal static class TimeSeriesCsv
{
    public const string FileName = "timeseries.csv";

    private const int FixedCount = 8;

    private const string FixedColumns = "time_s,pending_pods,running_pods,succeeded_pods,failed_pods,ready_nodes,not_ready_nodes,terminating_pods";

    public static void Write(TextWriter writer, IReadOnlyList<TimeSeriesRow> rows)
    {
        var resources = ResourceNames(rows);
        var header = new List<string>(FixedColumns.Split(','));
        foreach (var resource in resources)
        {
            header.Add("requested_" + resource);
            header.Add("allocatable_" + resource);
            header.Add("allocation_" + resource);
        }
        var models = GpuModels(rows);
        foreach (var model in models)
        {
            header.Add("gpu_alloc_" + model);
            header.Add("gpu_total_" + model);
            header.Add("gpu_allocation_" + model);
        }
        var used = UsedResources(rows, resources);
        foreach (var resource in used)
        {
            header.Add("used_" + resource);
            header.Add("utilization_" + resource);
        }
        header.Add("cost");
        Csv.WriteRow(writer, header);

        var fields = new string[FixedCount + 3 * resources.Count + 3 * models.Count + 2 * used.Count + 1];
        foreach (var row in rows)
        {
            fields[0] = row.Time.ToSecondsString();
            fields[1] = Csv.Integer(row.PendingPods);
            fields[2] = Csv.Integer(row.RunningPods);
            fields[3] = Csv.Integer(row.SucceededPods);
            fields[4] = Csv.Integer(row.FailedPods);
            fields[5] = Csv.Integer(row.ReadyNodes);
            fields[6] = Csv.Integer(row.NotReadyNodes);
            fields[7] = Csv.Integer(row.TerminatingPods);
            int i = FixedCount;
            foreach (var resource in resources)
            {
                long requested = row.Requested.GetValueOrDefault(resource);
                long allocatable = row.Allocatable.GetValueOrDefault(resource);
                fields[i++] = requested.ToString(CultureInfo.InvariantCulture);
                fields[i++] = allocatable.ToString(CultureInfo.InvariantCulture);
                fields[i++] = Ratio(requested, allocatable);
            }
            foreach (var model in models)
            {
                var gpus = row.GpusByModel.GetValueOrDefault(model);
                fields[i++] = Gpus(gpus.AllocatedMilli);
                fields[i++] = Gpus(gpus.TotalMilli);
                fields[i++] = Ratio(gpus.AllocatedMilli, gpus.TotalMilli);
            }
            foreach (var resource in used)
            {
                long amount = row.Used.GetValueOrDefault(resource);
                fields[i++] = amount.ToString(CultureInfo.InvariantCulture);
                fields[i++] = Ratio(amount, row.Allocatable.GetValueOrDefault(resource));
            }
            fields[i] = row.Cost.ToString("F6", CultureInfo.InvariantCulture);
            Csv.WriteRow(writer, fields);
        }
    }

    /// <summary>Fixed six decimals; a cluster with no ready capacity is 0 % allocated rather than NaN.</summary>
    internal static string Ratio(long requested, long allocatable) =>
        (allocatable == 0 ? 0.0 : (double)requested / allocatable).ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>Thousandths of a GPU as GPUs, exactly: 2500 is "2.500".</summary>
    internal static string Gpus(long milli) => (milli / 1000m).ToString("F3", CultureInfo.InvariantCulture);

    private static List<string> GpuModels(IReadOnlyList<TimeSeriesRow> rows)
    {
        var models = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows) models.UnionWith(row.GpusByModel.Keys);
        return [.. models];
    }

    /// <summary>The measured resources (CPU, GPUs) the cluster has, in ordinal order.</summary>
    private static List<string> UsedResources(IReadOnlyList<TimeSeriesRow> rows, List<string> resources)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows) names.UnionWith(row.Used.Keys);
        return [.. names.Where(resources.Contains)];
    }

    private static List<string> ResourceNames(IReadOnlyList<TimeSeriesRow> rows)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            names.UnionWith(row.Requested.Keys);
            names.UnionWith(row.Allocatable.Keys);
        }
        return [.. names];
    }
}
