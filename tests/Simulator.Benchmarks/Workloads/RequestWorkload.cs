using Simulator.Cluster;
using Simulator.Cluster.Api;
using Simulator.Cluster.Networking;
using Simulator.Engine;

namespace Simulator.Benchmarks.Workloads;

/// <summary>
/// 1,000 requests/s of Poisson traffic spread over 20 pods (exponential 15 ms service, one server
/// each: 75 % busy), through the whole cluster: engine, traffic generator, serving model,
/// recorders. By default the router is a fixed pod list indexed by client id, so the figure
/// measures the serving path rather than the Networking code; with <c>realRouter</c> requests go
/// through the Service, its EndpointSlices and kube-proxy's random mode.
/// </summary>
internal sealed class RequestWorkload
{
    public const int Pods = 20;
    public const double Rate = 1000;

    private static readonly Dictionary<string, string> Selector = new() { ["app"] = "web" };

    private sealed class PodListRouter(Service service, List<Pod> pods) : IRequestRouter
    {
        public Service? Resolve(string dnsName, string ns) => service;

        public Pod? Route(Service svc, int clientId, out RequestFailure failure)
        {
            failure = RequestFailure.None;
            return pods[clientId % pods.Count];
        }

        public void ConnectionOpened(Pod pod)
        {
        }

        public void ConnectionClosed(Pod pod)
        {
        }
    }

    public RequestWorkload(bool realRouter = false)
    {
        Cluster = new ClusterSimulation(new ClusterOptions { Seed = 42 });
        var store = Cluster.Store;
        var resources = ResourceList.Of((ResourceNames.Cpu, 64_000), (ResourceNames.Memory, 256L << 30));
        store.AddNode(new Node
        {
            Metadata = new ObjectMeta { Name = "node-0", Namespace = "" },
            Spec = new NodeSpec(),
            Status = new NodeStatus { Capacity = resources, Allocatable = resources },
        });
        var pods = new List<Pod>();
        var requests = ResourceList.Of((ResourceNames.Cpu, 1_000));
        for (int i = 0; i < Pods; i++)
        {
            var pod = new Pod
            {
                Metadata = new ObjectMeta { Name = $"web-{i}", Labels = Selector },
                Spec = new PodSpec { Containers = [new Container("main", "web:1", requests, requests)] },
                Workload = new Workload { RequestCost = new RequestCost(SimDuration.FromMilliseconds(15), RequestCostDistribution.Exponential) },
            };
            store.CreatePod(pod);
            pods.Add(pod);
        }
        var service = new Service { Metadata = new ObjectMeta { Name = "web" }, Spec = new ServiceSpec { Selector = Selector } };
        if (realRouter) store.Services.Create(service);
        else Cluster.Traffic.Router = new PodListRouter(service, pods);
        Cluster.AddTraffic(new Traffic
        {
            Name = "load",
            Target = "web",
            Pattern = new TrafficPattern { Rate = Rate },
            Clients = 1000,
            Start = SimTime.Zero + SimDuration.FromSeconds(10),
        });
        Cluster.Engine.RunUntil(SimTime.Zero + SimDuration.FromSeconds(10));
        Cluster.Metrics.Start(); // samples the time series and the per-Service rows, as a run does
    }

    public ClusterSimulation Cluster { get; }

    public long Arrivals => Cluster.Requests.For("default/web").Arrivals;

    public void RunFor(SimDuration span) => Cluster.Engine.RunUntil(Cluster.Engine.Now + span);
}
