using System.Globalization;
using Simulator.Cluster.Api;
using Simulator.Cluster.Store;

namespace Simulator.Cluster.Networking;

/// <summary>
/// kube-apiserver's ClusterIP allocator on kubeadm's service CIDR 10.96.0.0/12. It runs as an
/// admission-like step: the first watcher of Services, it gives a Service created with ClusterIP
/// "" the next free address and writes it back, so later watchers see the address in a Modified
/// event. 10.96.0.1 belongs to the <c>kubernetes</c> Service and .2-.9 are left for well-known
/// Services (kube-dns takes 10.96.0.10 in kubeadm clusters, which ksim does not model), so
/// addresses are handed out from 10.96.0.10 upwards in creation order: deterministic, unlike the
/// API server's random pick, so reruns and reports show the same IPs.
/// </summary>
public sealed class ServiceIpAllocator : IObjectWatcher<Service>
{
    /// <summary>10.96.0.0 as an integer.</summary>
    private const uint Base = (10u << 24) | (96u << 16);

    /// <summary>A /12 holds 2^20 addresses; the last one is the broadcast address.</summary>
    private const uint Size = 1u << 20;

    private const uint FirstDynamic = 10;

    private readonly ClusterStore _store;
    private readonly HashSet<uint> _used = [0, 1];
    private uint _next = FirstDynamic;

    public ServiceIpAllocator(ClusterStore store)
    {
        _store = store;
        store.Services.Watch(this);
    }

    public void OnObjectEvent(WatchEventType type, Service service)
    {
        var ip = service.Spec.ClusterIP;
        if (type == WatchEventType.Deleted)
        {
            if (TryParse(ip, out var offset) && offset > 1) _used.Remove(offset);
            return;
        }
        if (type != WatchEventType.Added || service.Spec.IsHeadless) return;
        if (ip.Length > 0)
        {
            // A Service that asks for a specific address keeps it (spec.clusterIP set by the user).
            if (TryParse(ip, out var requested)) _used.Add(requested);
            return;
        }
        if (Allocate() is not { } address) return;
        service.Spec.ClusterIP = address;
        _store.Services.Update(service);
    }

    /// <summary>The next free address after the last one given, wrapping within the range; null when the range is full.</summary>
    private string? Allocate()
    {
        for (uint tries = 0; tries < Size - FirstDynamic - 1; tries++)
        {
            uint offset = _next;
            _next = _next == Size - 2 ? FirstDynamic : _next + 1;
            if (!_used.Add(offset)) continue;
            return Format(Base + offset);
        }
        return null;
    }

    internal static string Format(uint address) => string.Create(CultureInfo.InvariantCulture,
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}");

    /// <summary>The offset of <paramref name="ip"/> within 10.96.0.0/12, if it lies there.</summary>
    internal static bool TryParse(string ip, out uint offset)
    {
        offset = 0;
        var parts = ip.Split('.');
        if (parts.Length != 4) return false;
        uint address = 0;
        foreach (var p in parts)
        {
            if (!byte.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var b)) return false;
            address = (address << 8) | b;
        }
        if (address < Base || address >= Base + Size) return false;
        offset = address - Base;
        return true;
    }
}
