using System.Text;

namespace Simulator.Scenarios.Tests.Yaml;

/// <summary>Hostile input fails fast with a positioned error instead of exhausting memory.</summary>
public class InputLimitsTests
{
    [Fact]
    public void Billion_laughs_stops_at_the_alias_that_crosses_the_expansion_limit()
    {
        // Nine levels of nine aliases: 9^9 (about 387 million) strings if expanded. The sizes add
        // up (90 + 819 + 7,380 + 66,429) until the first alias of level 5 crosses 100,000.
        var yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++)
            yaml.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");

        Assert.Equal(
            ["x.yaml:6:10: YAML aliases expand to more than 100000 nodes (a limit against alias bombs)"],
            ScenarioFiles.Errors(yaml.ToString()));
    }

    [Fact]
    public void More_than_a_thousand_aliases_is_an_error_at_the_one_too_many()
    {
        var yaml = "a: &a 1\nb:\n" + string.Concat(Enumerable.Repeat("- *a\n", 1001));
        Assert.Equal(
            ["x.yaml:1003:3: more than 1000 YAML aliases in the scenario (a limit against alias bombs)"],
            ScenarioFiles.Errors(yaml));
    }

    [Fact]
    public void A_file_larger_than_16_MiB_is_not_read()
    {
        var yaml = "#" + new string(' ', 16 * 1024 * 1024);
        Assert.Equal(["x.yaml:1:1: file is larger than 16 MiB (16777217 bytes)"], ScenarioFiles.Errors(yaml));
    }

    [Fact]
    public void More_than_ten_thousand_documents_is_an_error()
    {
        var yaml = string.Concat(Enumerable.Repeat("---\n", 10_001));
        Assert.Equal(["x.yaml:10001:1: more than 10000 documents in the scenario"], ScenarioFiles.Errors(yaml));
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_an_error()
    {
        var yaml = "a: " + new string('[', 70) + new string(']', 70) + "\n";
        Assert.Equal(["x.yaml:1:67: maps and lists are nested more than 64 levels deep"], ScenarioFiles.Errors(yaml));
    }

    [Fact]
    public void Node_pools_may_not_add_up_to_more_than_the_node_limit()
    {
        const string Pool = """
            apiVersion: ksim.dev/v1alpha1
            kind: NodePool
            metadata: {name: NAME}
            spec:
              count: 60000
              template:
                capacity: {cpu: 1}

            """;
        var errors = ScenarioFiles.Errors(Pool.Replace("NAME", "a", StringComparison.Ordinal) + "---\n" + Pool.Replace("NAME", "b", StringComparison.Ordinal));
        Assert.Equal(["x.yaml:13:10: spec.count: the scenario would have more than 100000 nodes"], errors);
    }
}
