namespace Simulator.Cluster.Scheduling.Framework;

/// <summary>
/// Dense indexes for resource names, so that per-node accounting is a <c>long[]</c> and the
/// filter loop never hashes a string. CPU and memory always have indexes 0 and 1.
/// </summary>
public sealed class ResourceIndex
{
    public const int Cpu = 0;
    public const int Memory = 1;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<string> _insufficientReasons = [];

    public ResourceIndex()
    {
        Register(Api.ResourceNames.Cpu);
        Register(Api.ResourceNames.Memory);
    }

    public int Count => _names.Count;

    public string NameOf(int id) => _names[id];

    /// <summary>"Insufficient &lt;name&gt;", built once per resource so the filter allocates nothing.</summary>
    public string InsufficientReason(int id) => _insufficientReasons[id];

    public int Register(string name)
    {
        if (_ids.TryGetValue(name, out var id)) return id;
        id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        _insufficientReasons.Add("Insufficient " + name);
        return id;
    }

    public bool TryGet(string name, out int id) => _ids.TryGetValue(name, out id);
}
