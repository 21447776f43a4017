using Simulator.Cluster.Workloads.Training;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>
/// The Scenario's spec.throughputTable: rows from a CSV next to the scenario and inline rows are
/// added to Gavel's table; later rows replace earlier ones (file over Gavel, inline over file).
/// </summary>
public sealed class ThroughputTableSectionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ksim-throughput-" + Guid.NewGuid().ToString("N"));

    public ThroughputTableSectionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ScenarioLoadResult Load(string yaml, string? csv = null)
    {
        if (csv is not null) File.WriteAllText(Path.Combine(_dir, "rows.csv"), csv);
        var path = Path.Combine(_dir, "s.yaml");
        File.WriteAllText(path, yaml);
        return ScenarioLoader.Load(path);
    }

    private const string Csv = """
        job_type,num_gpus,worker_type,steps_per_sec
        ResNet-50 (batch size 64),1,v100,9.5
        ResNet-50 (batch size 64),1,a100,20.0
        ResNet-50 (batch size 64),8,a100,120.0
        """;

    [Fact]
    public void Without_a_section_the_table_is_Gavels()
    {
        var result = Load("apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nspec: {seed: 1}\n");
        Assert.Same(ThroughputTable.Default, result.Scenario!.Throughput);
    }

    [Fact]
    public void File_rows_override_Gavels_and_inline_rows_override_the_file()
    {
        var result = Load("""
            apiVersion: ksim.dev/v1alpha1
            kind: Scenario
            spec:
              throughputTable:
                file: rows.csv
                rows:
                - {model: resnet50-bs64, accelerators: 1, accelerator: a100, stepsPerSecond: 22.5}
            """, Csv);

        Assert.Empty(result.Errors);
        var table = result.Scenario!.Throughput;
        Assert.Equal(9.5, table.StepsPerSecond("resnet50-bs64", 1, "v100"));              // the file over Gavel's
        Assert.Equal(22.5, table.StepsPerSecond("resnet50-bs64", 1, "A100-SXM4-40GB"));   // inline over the file
        Assert.Equal(120.0, table.StepsPerSecond("resnet50-bs64", 8, "a100"));            // the file alone
        Assert.Equal(0.3472236920519382, table.StepsPerSecond("ResNet-50 (batch size 128)", 1, "k80")); // Gavel's untouched
        Assert.Equal(Gavel.Rows.Count + 2, table.Rows.Count);
    }

    [Fact]
    public void The_table_file_is_copied_into_the_results_with_the_scenario()
    {
        var result = Load("apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nspec:\n  throughputTable: {file: rows.csv}\n", Csv);
        Assert.Contains(result.Scenario!.SourceFiles, f => Path.GetFileName(f) == "rows.csv");
    }

    [Fact]
    public void Bad_lines_of_the_file_are_reported_with_the_file_and_line()
    {
        var result = Load("apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nspec:\n  throughputTable: {file: rows.csv}\n",
            "job_type,num_gpus,worker_type,steps_per_sec\nBERT,1,a100,2.5\nBERT,two,a100,4\nBERT,4,a100\n");
        Assert.Equal(
            [
                "4:27: spec.throughputTable.file: rows.csv:3: num_gpus must be a positive integer, got \"two\"",
                "4:27: spec.throughputTable.file: rows.csv:4: expected 4 comma-separated fields, got 3",
            ],
            result.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Field}: {e.Message}"));
    }

    [Fact]
    public void A_file_with_the_wrong_header_is_reported_at_its_first_line()
    {
        var result = Load("apiVersion: ksim.dev/v1alpha1\nkind: Scenario\nspec:\n  throughputTable: {file: rows.csv}\n",
            "model,gpus,type,rate\nBERT,1,a100,2.5\n");
        Assert.Equal(
            "rows.csv:1: expected the header job_type,num_gpus,worker_type,steps_per_sec, got \"model,gpus,type,rate\"",
            result.Errors.Single().Message);
    }

    private static ThroughputTable Gavel => ThroughputTable.Default;
}
