using Simulator.Cluster.Networking;
using Simulator.Cluster.Tests.Builders;
using static Simulator.Cluster.Tests.Networking.NetworkTestKit;

namespace Simulator.Cluster.Tests.Networking;

/// <summary>Cluster DNS names for Services, as CoreDNS answers them with the pod's search path.</summary>
public class DnsTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        // name, client namespace, Service found ("ns/name") or null.
        { "web.shop.svc.cluster.local", "default", "shop/web" },
        { "web.shop.svc.cluster.local.", "default", "shop/web" },
        { "web.shop.svc", "default", "shop/web" },
        { "web.shop", "default", "shop/web" },
        { "web", "shop", "shop/web" },
        { "web", "default", "default/web" },
        { "db", "shop", "shop/db" },
        { "db", "default", null },
        { "web.other", "default", null },
        { "cart.shop.svc.cluster.local", "shop", null },
        { "web.svc", "shop", null },
        { "web.shop.extra", "shop", null },
        { "", "shop", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Service_names_resolve_in_every_form(string name, string ns, string? expected)
    {
        var cluster = new TestCluster();
        cluster.Store.Services.Create(NewService("web", "web", ns: "shop"));
        cluster.Store.Services.Create(NewService("web", "web"));
        cluster.Store.Services.Create(NewService("db", "db", clusterIp: "None", ns: "shop"));

        Assert.Equal(expected, cluster.Router().Resolve(name, ns)?.Metadata.Key);
    }

    [Fact]
    public void A_deleted_service_no_longer_resolves_or_routes()
    {
        var cluster = new TestCluster();
        var svc = NewService("web", "web");
        cluster.Store.Services.Create(svc);
        cluster.Store.Services.Delete(svc);

        Assert.Null(cluster.Router().Resolve("web", "default"));
        Assert.Null(cluster.Router().Route(svc, 1, out var failure));
        Assert.Equal(RequestFailure.NoSuchService, failure);
    }

    [Fact]
    public void The_dns_name_of_a_service_resolves_to_it()
    {
        var cluster = new TestCluster();
        var svc = NewService("api", "api", ns: "prod");
        cluster.Store.Services.Create(svc);

        Assert.Same(svc, cluster.Router().Resolve(svc.DnsName, "default"));
    }
}
