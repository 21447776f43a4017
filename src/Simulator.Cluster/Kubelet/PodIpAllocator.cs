using System.Globalization;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// host-local IPAM on one node's /24 pod CIDR: addresses .2 to .254, handed out round-robin after
/// the last one given, so a re-created pod gets a new IP even on the same node.
/// </summary>
public sealed class PodIpAllocator
{
    private const int First = 2;
    private const int Last = 254;

    private readonly string _prefix;
    private readonly bool[] _used = new bool[Last + 1];
    private int _next = First;

    public PodIpAllocator(string podCidr)
    {
        // "10.244.3.0/24" -> "10.244.3."
        var address = podCidr.Split('/')[0];
        _prefix = address[..(address.LastIndexOf('.') + 1)];
    }

    public string? Allocate()
    {
        for (int i = 0; i <= Last - First; i++)
        {
            int host = _next;
            _next = _next == Last ? First : _next + 1;
            if (_used[host]) continue;
            _used[host] = true;
            return _prefix + host.ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    public void Release(string ip)
    {
        if (ip.Length == 0 || !ip.StartsWith(_prefix, StringComparison.Ordinal)) return;
        if (int.TryParse(ip.AsSpan(_prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var host) && host <= Last)
            _used[host] = false;
    }
}
