using FsCheck.Xunit;
using Simulator.Scenarios.Kinds;

namespace Simulator.Scenarios.Tests.Kinds;

/// <summary>
/// The one check behind spec.clusterAutoscaler.expander, run --expander and compare --expander:
/// any ordering of distinct known names is a valid chain, and any chain naming one twice is not.
/// </summary>
public class ExpanderCheckProperties
{
    /// <summary>A chain picked by <paramref name="choices"/>: each byte picks one of the names not yet used.</summary>
    private static List<string> Pick(byte[] choices)
    {
        var left = Expanders.Known.ToList();
        var chain = new List<string>();
        foreach (var choice in choices)
        {
            if (left.Count == 0) break;
            chain.Add(left[choice % left.Count]);
            left.RemoveAt(choice % left.Count);
        }
        return chain;
    }

    [Property(MaxTest = 300)]
    public bool Distinct_known_names_in_any_order_and_spacing_are_a_valid_chain(byte[] choices, bool spaced)
    {
        var chain = Pick(choices);
        if (chain.Count == 0) chain.Add(Expanders.Known[0]);
        return Expanders.Check(string.Join(spaced ? " , " : ",", chain)) is null;
    }

    [Property(MaxTest = 300)]
    public bool A_name_given_twice_is_refused_by_name(byte[] choices, byte repeat)
    {
        var chain = Pick(choices);
        if (chain.Count == 0) chain.Add(Expanders.Known[0]);
        var twice = chain[repeat % chain.Count];
        chain.Add(twice);
        return Expanders.Check(string.Join(",", chain)) == $"expander \"{twice}\" is given more than once; each expander may be used once";
    }
}
