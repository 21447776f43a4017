using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Networking;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>A router that knows one Service and spreads requests over a fixed list of pods by client id.</summary>
internal sealed class FakeRouter(Service service) : IRequestRouter
{
    public List<Pod> Pods { get; } = [];
    public int OpenConnections { get; private set; }

    public Service? Resolve(string dnsName, string ns) => dnsName == service.Name ? service : null;

    public Pod? Route(Service svc, int clientId, out RequestFailure failure)
    {
        failure = Pods.Count == 0 ? RequestFailure.NoEndpoints : RequestFailure.None;
        return Pods.Count == 0 ? null : Pods[clientId % Pods.Count];
    }

    public void ConnectionOpened(Pod pod) => OpenConnections++;

    public void ConnectionClosed(Pod pod) => OpenConnections--;
}

/// <summary>One node, serving pods and a Traffic aimed at Service "web" through a <see cref="FakeRouter"/>.</summary>
internal sealed class ServingHarness
{
    public ServingHarness(ulong seed = 1, SimDuration? slo = null)
    {
        Cluster = new TestCluster(seed).Nodes(new NodeBuilder("n").Cpu("64").Memory("64Gi"));
        Service = new Service
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new ServiceSpec(),
            SloLatency = slo,
        };
        Router = new FakeRouter(Service);
        Cluster.Sim.Traffic.Router = Router;
    }

    public TestCluster Cluster { get; }
    public Service Service { get; }
    public FakeRouter Router { get; }

    /// <summary>A serving pod with <paramref name="cost"/> ("exponential:100ms" or "20ms"), routed to.</summary>
    public Pod AddPod(string name, string cost, string cpu = "1", int? concurrency = null, int? queueLimit = null, string grace = "30s")
    {
        var built = new PodBuilder(name).Cpu(cpu).GracePeriod(grace).Build();
        var exponential = cost.StartsWith("exponential:", StringComparison.Ordinal);
        var mean = SimDuration.Parse(exponential ? cost["exponential:".Length..] : cost);
        var pod = new Pod
        {
            Metadata = built.Metadata,
            Spec = built.Spec,
            Workload = built.Workload with
            {
                RequestCost = new RequestCost(mean, exponential ? RequestCostDistribution.Exponential : RequestCostDistribution.Constant),
                Concurrency = concurrency,
                QueueLimit = queueLimit,
            },
        };
        Cluster.Store.CreatePod(pod);
        Router.Pods.Add(pod);
        return pod;
    }

    /// <summary>Poisson traffic at <paramref name="rate"/> per second to "web", from <paramref name="at"/>.</summary>
    public void Traffic(double rate, string at = "10s", SimDuration? timeout = null, int clients = 100)
    {
        Cluster.Sim.AddTraffic(new Traffic
        {
            Name = "load",
            Target = "web",
            Pattern = new TrafficPattern { Rate = rate },
            Start = TestCluster.At(at),
            Timeout = timeout,
            Clients = clients,
        });
    }

    public ServiceStats Stats => Cluster.Sim.Requests.For("default/web");
}
