using Simulator.Cluster.Workloads.Training;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>Gavel's measured table as ksim ships it, and the loose name matching manifests rely on.</summary>
public sealed class ThroughputTableTests
{
    private static readonly ThroughputTable Gavel = ThroughputTable.Default;

    [Fact]
    public void The_default_table_is_Gavels_consolidated_measurements()
    {
        // 26 job types; 1-GPU rows for all of them and 2/4/8-GPU rows for 19, on three GPU types.
        Assert.Equal(26, Gavel.Models.Count());
        Assert.Equal(26 * 3 + 19 * 3 * 3, Gavel.Rows.Count);
        Assert.DoesNotContain(Gavel.Rows, r => r.Accelerator.EndsWith("_unconsolidated", StringComparison.Ordinal));
        Assert.Equal(4.394774823323071, Gavel.StepsPerSecond("ResNet-50 (batch size 64)", 1, "v100"));
        Assert.Equal(0.6190282202246573, Gavel.StepsPerSecond("ResNet-50 (batch size 64)", 1, "k80"));
        Assert.Equal(17.303172756892167, Gavel.StepsPerSecond("ResNet-50 (batch size 64)", 8, "v100"));
    }

    [Theory]
    [InlineData("resnet50-bs64", "ResNet-50 (batch size 64)")]
    [InlineData("ResNet-50 (batch size 64)", "ResNet-50 (batch size 64)")]
    [InlineData("RESNET_50 bs 64", "ResNet-50 (batch size 64)")]
    [InlineData("resnet50", "ResNet-50 (batch size 16)")] // a family alone: its smallest batch size
    [InlineData("transformer", "Transformer (batch size 16)")]
    [InlineData("a3c", "A3C")]
    [InlineData("llama-7b", null)]
    public void Model_names_match_by_letters_and_digits(string written, string? expected) =>
        Assert.Equal(expected, Gavel.ResolveModel(written));

    [Theory]
    [InlineData("Tesla-V100-SXM2-16GB", "v100")]
    [InlineData("nvidia-tesla-k80", "k80")]
    [InlineData("NVIDIA-P100", "p100")]
    [InlineData("NVIDIA-H100-80GB-HBM3", null)]
    [InlineData("", null)]
    public void Node_labels_resolve_to_the_accelerator_they_contain(string label, string? expected) =>
        Assert.Equal(expected, Gavel.ResolveAccelerator(label));

    [Fact]
    public void The_longest_contained_accelerator_wins()
    {
        var table = Gavel.With([new ThroughputRow("A3C", 1, "a10", 5), new ThroughputRow("A3C", 1, "a100", 20)]);
        Assert.Equal("a100", table.ResolveAccelerator("nvidia-a100-80gb"));
        Assert.Equal("a10", table.ResolveAccelerator("NVIDIA-A10"));
    }

    [Fact]
    public void An_accelerator_is_named_as_the_table_first_wrote_it()
    {
        var table = Gavel.With([new ThroughputRow("A3C", 8, "tpu-v5-lite-podslice", 40)]);
        Assert.Equal("tpu-v5-lite-podslice", table.ResolveAccelerator("TPU-V5-Lite-PodSlice"));
        Assert.Equal(40, table.StepsPerSecond("a3c", 8, "tpu-v5-lite-podslice"));
    }

    [Fact]
    public void Added_rows_override_by_model_count_and_accelerator_and_extend_the_table()
    {
        var table = Gavel.With(
        [
            new ThroughputRow("resnet50-bs64", 1, "V100", 5.0),
            new ThroughputRow("ResNet-50 (batch size 64)", 1, "a100", 9.5),
        ]);
        Assert.Equal(5.0, table.StepsPerSecond("ResNet-50 (batch size 64)", 1, "v100"));
        Assert.Equal(9.5, table.StepsPerSecond("resnet50-bs64", 1, "NVIDIA-A100-SXM4-40GB"));
        Assert.Equal(Gavel.Rows.Count + 1, table.Rows.Count);
        // The default is untouched.
        Assert.Equal(4.394774823323071, Gavel.StepsPerSecond("ResNet-50 (batch size 64)", 1, "v100"));
    }

    [Fact]
    public void A_zero_rate_means_the_job_does_not_run_there()
    {
        // Gavel measured ResNet-50 at batch size 128 on 2 K80s as 0: it does not fit.
        Assert.Null(Gavel.StepsPerSecond("ResNet-50 (batch size 128)", 2, "k80"));
        Assert.NotNull(Gavel.StepsPerSecond("ResNet-50 (batch size 128)", 2, "p100"));
        Assert.Equal([1, 2, 4, 8], Gavel.CountsFor("ResNet-50 (batch size 128)"));
        Assert.Equal([1], Gavel.CountsFor("A3C"));
    }

    [Fact]
    public void Csv_errors_name_their_line_and_bad_lines_are_skipped()
    {
        var errors = new List<string>();
        var rows = ThroughputTable.ReadCsv(
            "job_type,num_gpus,worker_type,steps_per_sec\nllama,8,h100,3.5\nllama,zero,h100,1\nllama,1,h100,-2\nllama,1,h100\n",
            (line, message) => errors.Add($"{line}: {message}"));
        Assert.Equal([new ThroughputRow("llama", 8, "h100", 3.5)], rows);
        Assert.Equal(
        [
            "3: num_gpus must be a positive integer, got \"zero\"",
            "4: steps_per_sec must be a number >= 0, got \"-2\"",
            "5: expected 4 comma-separated fields, got 3",
        ], errors);
    }

    [Fact]
    public void A_csv_without_the_header_is_rejected()
    {
        var errors = new List<string>();
        ThroughputTable.ReadCsv("model,gpus,type,rate\n", (line, message) => errors.Add($"{line}: {message}"));
        Assert.Equal(["1: expected the header job_type,num_gpus,worker_type,steps_per_sec, got \"model,gpus,type,rate\""], errors);
    }
}
