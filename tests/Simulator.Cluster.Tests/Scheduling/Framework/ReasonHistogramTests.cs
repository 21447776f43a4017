using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Cluster.Scheduling.Framework;

namespace Simulator.Cluster.Tests.Scheduling.Framework;

/// <summary>ReasonHistogram counts reasons as a map keyed by the string would (Go's map, kube's FitError).</summary>
public class ReasonHistogramTests
{
    /// <summary>What FitError did before: a Dictionary by ordinal string, "count reason", sorted ordinally, joined by ", ".</summary>
    private static string Reference(IEnumerable<string> reasons) =>
        string.Join(", ", reasons.GroupBy(r => r, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}").OrderBy(s => s, StringComparer.Ordinal));

    /// <summary>
    /// Any sequence of reasons, equal strings arriving as different instances, with few or more
    /// than the scan limit of distinct ones, reused after Clear: the same text as the reference.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Format_equals_a_dictionary_count_sorted_as_strings()
    {
        var reason = Gen.OneOf(
            Gen.Elements("Insufficient cpu", "Insufficient nvidia.com/gpu", "node(s) had untolerated taint(s)"),
            Gen.Choose(0, 40).Select(i => "reason " + i)); // a new instance each time, up to 41 distinct
        var cases = Arb.From(from n1 in Gen.Choose(0, 300)
                             from first in reason.ArrayOf(n1)
                             from n2 in Gen.Choose(0, 300)
                             from second in reason.ArrayOf(n2)
                             select (first, second));
        return Prop.ForAll(cases, c =>
        {
            var histogram = new ReasonHistogram();
            foreach (var r in c.Item1) histogram.Add(r, 1);
            Assert.Equal(Reference(c.Item1), histogram.Format());
            histogram.Clear();
            foreach (var r in c.Item2) histogram.Add(Status.Unschedulable("P", r));
            Assert.Equal(Reference(c.Item2), histogram.Format());
        });
    }

    [Fact]
    public void Counts_sort_as_strings_and_every_reason_of_a_status_counts()
    {
        var histogram = new ReasonHistogram();
        for (int i = 0; i < 10; i++) histogram.Add(Status.Unschedulable("NodeResourcesFit", "Insufficient cpu"));
        histogram.Add(Status.WithReasons(StatusCode.Unschedulable, "NodeResourcesFit", ["Insufficient cpu", "Insufficient memory"]));
        histogram.Add(Status.Unschedulable("NodeResourcesFit", "Insufficient memory"));
        Assert.Equal("11 Insufficient cpu, 2 Insufficient memory", histogram.Format());
        Assert.Equal(2, histogram.Distinct);
    }
}
