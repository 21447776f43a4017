using Simulator.Cluster.Api;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Networking;

/// <summary>A Deployment "web" behind a Service "web" on a few nodes, and ways to look at its endpoints.</summary>
internal static class NetworkTestKit
{
    public static Service NewService(string name, string app, LoadBalancingMode mode = LoadBalancingMode.Random,
        ServiceAffinity affinity = ServiceAffinity.None, string timeout = "10800s", string clusterIp = "", string ns = "default") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new ServiceSpec
        {
            Selector = app.Length == 0 ? ObjectMeta.EmptyMap : new Dictionary<string, string> { ["app"] = app },
            Ports = [new ServicePort("http", 80, 8080)],
            ClusterIP = clusterIp,
            SessionAffinity = affinity,
            SessionAffinityTimeout = SimDuration.Parse(timeout),
        },
        LoadBalancing = mode,
    };

    /// <summary>
    /// A cluster of <paramref name="nodes"/> nodes running <paramref name="replicas"/> "web" pods,
    /// all Ready after a minute, behind the Service "web".
    /// </summary>
    public static (TestCluster Cluster, Deployment Deployment, Service Service) Web(int replicas,
        LoadBalancingMode mode = LoadBalancingMode.Random, ServiceAffinity affinity = ServiceAffinity.None,
        string timeout = "10800s", int nodes = 4)
    {
        var cluster = new TestCluster(seed: 7).Nodes([.. Enumerable.Range(0, nodes).Select(i => new NodeBuilder($"n{i}"))]);
        var d = new DeploymentBuilder("web").Replicas(replicas).Build();
        var svc = NewService("web", "web", mode, affinity, timeout);
        cluster.Store.Services.Create(svc);
        cluster.Store.Deployments.Create(d);
        cluster.RunTo("1m");
        return (cluster, d, svc);
    }

    public static RequestRouter Router(this TestCluster cluster) => (RequestRouter)cluster.Sim.Router;

    public static List<EndpointSlice> SlicesOf(this TestCluster cluster, Service svc) =>
        [.. cluster.Store.EndpointSlices.Items.Where(s =>
            s.Metadata.Namespace == svc.Metadata.Namespace && s.Metadata.Labels[EndpointSlice.ServiceNameLabel] == svc.Name)];

    public static List<Endpoint> EndpointsOf(this TestCluster cluster, Service svc) =>
        [.. cluster.SlicesOf(svc).SelectMany(s => s.Endpoints)];

    /// <summary>(ready, serving-and-terminating, not serving) endpoint counts.</summary>
    public static (int Ready, int Terminating, int NotServing) Counts(this TestCluster cluster, Service svc)
    {
        var all = cluster.EndpointsOf(svc);
        return (all.Count(e => e.Conditions.Ready),
            all.Count(e => e.Conditions.Serving && e.Conditions.Terminating),
            all.Count(e => !e.Conditions.Serving));
    }

    public static List<Pod> PodsOf(this TestCluster cluster, string app) =>
        [.. cluster.Store.Pods.Where(p => p.Metadata.Labels.GetValueOrDefault("app") == app).OrderBy(p => p.Name, StringComparer.Ordinal)];

    public static void Scale(this TestCluster cluster, Deployment d, int replicas)
    {
        d.Spec.Replicas = replicas;
        cluster.Store.Deployments.Update(d);
    }

    /// <summary>Opens <paramref name="count"/> connections from distinct clients and counts them per pod name.</summary>
    public static Dictionary<string, int> Spread(this TestCluster cluster, Service svc, int count)
    {
        var router = cluster.Router();
        var perPod = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int client = 0; client < count; client++)
        {
            var pod = router.Route(svc, client, out var failure);
            Assert.Equal(RequestFailure.None, failure);
            perPod[pod!.Name] = perPod.GetValueOrDefault(pod.Name) + 1;
        }
        return perPod;
    }
}
