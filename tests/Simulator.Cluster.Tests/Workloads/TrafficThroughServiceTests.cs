using Simulator.Cluster.Api;
using Simulator.Cluster.Tests.Builders;
using Simulator.Cluster.Tests.Controllers;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Workloads;

/// <summary>Whole cluster, real router: a Deployment behind a Service answers a Traffic object.</summary>
public class TrafficThroughServiceTests
{
    [Fact]
    public void A_deployment_behind_a_service_serves_traffic_and_services_rows_count_its_endpoints()
    {
        var cluster = new TestCluster(seed: 4).Nodes(new NodeBuilder("a").Cpu("8"));
        var template = ReplicaSetBuilder.Template("web", cpu: "1");
        var deployment = new DeploymentBuilder("web").Replicas(2).Template(new PodTemplate
        {
            Labels = template.Labels,
            Spec = template.Spec,
            Workload = new Workload { RequestCost = new RequestCost(SimDuration.FromMilliseconds(50), RequestCostDistribution.Exponential) },
        }).Build();
        cluster.Sim.SubmitObject(SimTime.Zero, deployment);
        cluster.Sim.SubmitObject(SimTime.Zero, new Service
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" } },
        });
        cluster.Sim.AddTraffic(new Traffic
        {
            Name = "load",
            Target = "web.default.svc.cluster.local",
            Pattern = new TrafficPattern { Rate = 20 },
            Start = TestCluster.At("1m"),
        });

        var result = cluster.Sim.Run(TestCluster.At("11m"));

        var requests = result.Requests;
        Assert.True(requests.Total > 10_000, $"{requests.Total} requests");
        Assert.Equal(0, requests.Failed.Total);
        Assert.InRange(requests.Completed, requests.Total - 50, requests.Total);
        var rows = result.Services.Where(r => r.Service == "default/web").ToList();
        Assert.Equal(60, rows.Count); // one per 10 s interval from the first arrival at 1 m to 11 m
        Assert.All(rows, r => Assert.Equal(2, r.Endpoints));
        Assert.Equal(requests.Total, rows.Sum(r => r.Arrivals));
    }
}
