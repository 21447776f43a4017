using Simulator.Cluster.Api;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Networking.NetworkTestKit;

namespace Simulator.Cluster.Tests.Networking;

/// <summary>ClusterIPs from kubeadm's 10.96.0.0/12: from 10.96.0.10 up, in creation order; headless and requested addresses kept.</summary>
public class ServiceIpAllocatorTests
{
    public static TheoryData<string[], string[]> Cases => new()
    {
        // ClusterIP as created -> as stored.
        { ["", "", ""], ["10.96.0.10", "10.96.0.11", "10.96.0.12"] },
        { ["None", ""], ["None", "10.96.0.10"] },
        { ["10.96.0.11", "", "", ""], ["10.96.0.11", "10.96.0.10", "10.96.0.12", "10.96.0.13"] },
        { ["10.100.7.7", ""], ["10.100.7.7", "10.96.0.10"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Services_get_cluster_ips_in_creation_order(string[] requested, string[] expected)
    {
        var cluster = new TestCluster();
        var services = requested.Select((ip, i) => NewService($"s{i}", "app", clusterIp: ip)).ToList();
        foreach (var s in services) cluster.Store.Services.Create(s);

        Assert.Equal(expected, services.Select(s => s.Spec.ClusterIP));
    }

    [Fact]
    public void A_deleted_service_frees_its_address_but_the_next_one_is_not_reused_at_once()
    {
        var cluster = new TestCluster();
        var a = NewService("a", "app");
        cluster.Store.Services.Create(a);
        cluster.Store.Services.Delete(a);
        var b = NewService("b", "app");
        cluster.Store.Services.Create(b);

        Assert.Equal("10.96.0.11", b.Spec.ClusterIP);
    }

    [Fact]
    public void Watchers_after_the_allocator_see_the_address_in_a_modified_event()
    {
        var cluster = new TestCluster();
        var seen = new List<(WatchEventType, string)>();
        cluster.Store.Services.Watch(new Recorder(seen));
        cluster.Store.Services.Create(NewService("a", "app"));

        Assert.Equal([(WatchEventType.Added, "10.96.0.10"), (WatchEventType.Modified, "10.96.0.10")], seen);
    }

    private sealed class Recorder(List<(WatchEventType, string)> seen) : IObjectWatcher<Service>
    {
        public void OnObjectEvent(WatchEventType type, Service obj) => seen.Add((type, obj.Spec.ClusterIP));
    }
}
