using System.Globalization;
using Simulator.Cluster.Metrics;

namespace Simulator.Reporting.Results;

/// <summary>
/// allocation.csv: a fill-mode TraceReplay's GPUs each time the arrived workload (GPU request
/// of the pods tried so far over the cluster's GPUs) passed a whole percent, as the FGD paper's
/// Figure 9 plots them. Ratios with six decimals, unallocated GPUs with three (thousandths of a
/// GPU), fragmentation empty without a target workload. Written for every run: header only
/// without a fill.
/// </summary>
internal static class AllocationCsv
{
    public const string FileName = "allocation.csv";

    public const string Header = "arrived_percent,gpu_allocation_ratio,unallocated_gpus,fragmentation_rate,arrived_pods,failed_pods";

    public static void Write(TextWriter writer, IReadOnlyList<AllocationSample> samples)
    {
        writer.WriteLine(Header);
        var fields = new string[6];
        foreach (var row in samples)
        {
            fields[0] = Csv.Integer(row.ArrivedPercent);
            fields[1] = row.GpuAllocationRatio.ToString("F6", CultureInfo.InvariantCulture);
            fields[2] = row.UnallocatedGpus.ToString("F3", CultureInfo.InvariantCulture);
            fields[3] = row.FragmentationRate is { } f ? f.ToString("F6", CultureInfo.InvariantCulture) : "";
            fields[4] = Csv.Integer(row.ArrivedPods);
            fields[5] = Csv.Integer(row.FailedPods);
            Csv.WriteRow(writer, fields);
        }
    }
}
