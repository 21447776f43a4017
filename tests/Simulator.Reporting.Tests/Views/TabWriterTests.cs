using Simulator.Reporting.Views;

namespace Simulator.Reporting.Tests.Views;

/// <summary>The alignment of Go's text/tabwriter as kubectl configures it.</summary>
public sealed class TabWriterTests
{
    private static string Flush(TabWriter writer, params string[] lines)
    {
        foreach (var line in lines) writer.WriteLine(line);
        using var text = new StringWriter { NewLine = "\n" };
        writer.Flush(text);
        return text.ToString();
    }

    [Fact]
    public void Get_pads_each_column_to_its_widest_cell_plus_three_and_leaves_the_last_one_unpadded()
    {
        Assert.Equal(
            "NAME    READY   AGE\n" +
            "web-1   1/1     5m\n",
            Flush(TabWriter.Get(), "NAME\tREADY\tAGE", "web-1\t1/1\t5m"));
    }

    [Fact]
    public void Get_makes_a_column_at_least_six_wide()
    {
        // "IP" + 3 padding is 5: kubectl's minwidth of 6 wins.
        Assert.Equal("IP    X\na     y\n", Flush(TabWriter.Get(), "IP\tX", "a\ty"));
    }

    [Fact]
    public void A_line_without_a_cell_in_a_column_ends_that_column_s_block()
    {
        // As in kubectl describe: "IPs:" has no tab, so the lines after it align among themselves.
        Assert.Equal(
            "Name:  web\n" +
            "IP:    10.0.0.1\n" +
            "IPs:\n" +
            "  IP:           10.0.0.1\n" +
            "Controlled By:  ReplicaSet/web\n",
            Flush(TabWriter.Describe(), "Name:\tweb", "IP:\t10.0.0.1", "IPs:", "  IP:\t10.0.0.1", "Controlled By:\tReplicaSet/web"));
    }

    [Fact]
    public void A_column_is_aligned_only_over_the_lines_that_have_it()
    {
        // The third column exists on the first two lines only; the second on all three.
        Assert.Equal(
            "a     bb    c\n" +
            "aaa   b     cc\n" +
            "a     bbb\n",
            Flush(TabWriter.Get(), "a\tbb\tc", "aaa\tb\tcc", "a\tbbb"));
    }
}
