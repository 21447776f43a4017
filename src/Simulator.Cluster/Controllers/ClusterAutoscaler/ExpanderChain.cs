namespace Simulator.Cluster.Controllers.ClusterAutoscaler;

/// <summary>
/// CA's <c>--expander=a,b,...</c>: each expander in turn narrows the survivors of the one before;
/// as soon as one option is left it is the choice, and if several survive the last expander one
/// is drawn at random. Names may not repeat (CA refuses that too). CA's <c>grpc</c> expander (an
/// external service) has no ksim counterpart.
/// </summary>
public sealed class ExpanderChain
{
    /// <summary>The expanders ksim knows, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> KnownNames =
    [
        LeastNodesExpander.ExpanderName,
        LeastWasteExpander.ExpanderName,
        MostPodsExpander.ExpanderName,
        PriceExpander.ExpanderName,
        PriorityExpander.ExpanderName,
        RandomExpander.ExpanderName,
    ];

    /// <summary>CA's default <c>--expander</c> (it used to be <c>random</c>).</summary>
    public const string Default = LeastWasteExpander.ExpanderName;

    private readonly RandomExpander _fallback;

    public IReadOnlyList<IExpander> Expanders { get; }

    private ExpanderChain(IReadOnlyList<IExpander> expanders, RandomExpander fallback)
    {
        Expanders = expanders;
        _fallback = fallback;
    }

    /// <summary>The chain for a comma-separated list; <see cref="FormatException"/> with <see cref="TryParse"/>'s message on a bad list.</summary>
    public static ExpanderChain Parse(string spec, Random random) =>
        TryParse(spec, random, out var chain, out var error) ? chain : throw new FormatException(error);

    /// <summary>
    /// The chain for a comma-separated list of names (spaces around names ignored), or an error
    /// ready for the scenario reader: an empty list or name, an unknown name (with the known ones
    /// listed, so the reader can add its own "did you mean"), or a name given twice.
    /// </summary>
    public static bool TryParse(string spec, Random random, out ExpanderChain chain, out string error)
    {
        chain = null!;
        var fallback = new RandomExpander(random);
        var expanders = new List<IExpander>();
        foreach (var part in spec.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                error = $"empty expander name in \"{spec}\" (known: {string.Join(", ", KnownNames)})";
                return false;
            }
            if (expanders.Any(e => e.Name == name))
            {
                error = $"expander \"{name}\" is given more than once; each expander may be used once";
                return false;
            }
            IExpander? expander = name switch
            {
                LeastNodesExpander.ExpanderName => new LeastNodesExpander(),
                LeastWasteExpander.ExpanderName => new LeastWasteExpander(),
                MostPodsExpander.ExpanderName => new MostPodsExpander(),
                PriceExpander.ExpanderName => new PriceExpander(),
                PriorityExpander.ExpanderName => new PriorityExpander(),
                RandomExpander.ExpanderName => fallback,
                _ => null,
            };
            if (expander is null)
            {
                error = $"unknown expander \"{name}\" (known: {string.Join(", ", KnownNames)})";
                return false;
            }
            expanders.Add(expander);
        }
        chain = new ExpanderChain(expanders, fallback);
        error = "";
        return true;
    }

    /// <summary>The option to scale up with, or null when there is none.</summary>
    public ExpansionOption? BestOption(IReadOnlyList<ExpansionOption> options)
    {
        var survivors = options;
        foreach (var expander in Expanders)
        {
            survivors = expander.BestOptions(survivors);
            if (survivors.Count == 1) return survivors[0];
        }
        var pick = _fallback.BestOptions(survivors);
        return pick.Count == 0 ? null : pick[0];
    }
}
