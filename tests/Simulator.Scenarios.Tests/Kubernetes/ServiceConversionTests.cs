using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Scenarios.Tests.Kubernetes;

/// <summary>Services and the serving annotations of pod templates become ksim's model with Kubernetes' defaults.</summary>
public class ServiceConversionTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          annotations:
            ksim.dev/lb-mode: least-connections
            ksim.dev/slo-latency: 250ms
            ksim.dev/submit-at: 2m
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports:
          - {name: http, port: 80, targetPort: 8080}
          - {name: metrics, port: 9090, protocol: TCP}
          clusterIP: 10.100.0.7
          sessionAffinity: ClientIP
          sessionAffinityConfig:
            clientIP: {timeoutSeconds: 600}
        """;

    [Fact]
    public void Service_converts_selector_ports_cluster_ip_affinity_and_annotations()
    {
        var s = ScenarioFiles.Valid(Service);
        var submission = Assert.Single(s.Workloads);
        Assert.Equal(SimTime.Zero + SimDuration.FromMinutes(2), submission.SubmitAt);
        var svc = Assert.IsType<Service>(submission.Object);
        Assert.Equal("shop/web", svc.Metadata.Key);
        Assert.Equal("web.shop.svc.cluster.local", svc.DnsName);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web" }, svc.Spec.Selector);
        Assert.Equal([new ServicePort("http", 80, 8080), new ServicePort("metrics", 9090, 9090)], svc.Spec.Ports);
        Assert.Equal("10.100.0.7", svc.Spec.ClusterIP);
        Assert.Equal(ServiceAffinity.ClientIP, svc.Spec.SessionAffinity);
        Assert.Equal(SimDuration.FromSeconds(600), svc.Spec.SessionAffinityTimeout);
        Assert.Equal(LoadBalancingMode.LeastConnections, svc.LoadBalancing);
        Assert.Equal(SimDuration.FromMilliseconds(250), svc.SloLatency);
    }

    [Fact]
    public void Service_defaults_random_balancing_no_affinity_and_an_assigned_ip()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Service
            metadata: {name: api}
            spec:
              selector: {app: api}
              ports: [{port: 8080}]
            """);
        var svc = Assert.IsType<Service>(Assert.Single(s.Workloads).Object);
        Assert.Equal("default/api", svc.Metadata.Key);
        Assert.Equal([new ServicePort("", 8080, 8080)], svc.Spec.Ports);
        Assert.Equal("", svc.Spec.ClusterIP);
        Assert.Equal(ServiceAffinity.None, svc.Spec.SessionAffinity);
        Assert.Equal(SimDuration.FromSeconds(10800), svc.Spec.SessionAffinityTimeout);
        Assert.Equal(LoadBalancingMode.Random, svc.LoadBalancing);
        Assert.Null(svc.SloLatency);
    }

    [Fact]
    public void Headless_service_needs_no_ports()
    {
        var s = ScenarioFiles.Valid("""
            apiVersion: v1
            kind: Service
            metadata: {name: workers, annotations: {ksim.dev/lb-mode: round-robin}}
            spec: {clusterIP: None, selector: {app: w}}
            """);
        var svc = Assert.IsType<Service>(Assert.Single(s.Workloads).Object);
        Assert.True(svc.Spec.IsHeadless);
        Assert.Empty(svc.Spec.Ports);
        Assert.Equal(LoadBalancingMode.RoundRobin, svc.LoadBalancing);
    }

    [Theory]
    [InlineData("20ms", 20, RequestCostDistribution.Constant)]
    [InlineData("constant:1.5ms", 1.5, RequestCostDistribution.Constant)]
    [InlineData("exponential:200ms", 200, RequestCostDistribution.Exponential)]
    public void Request_cost_concurrency_and_queue_limit_reach_the_template(string cost, double meanMs, RequestCostDistribution distribution)
    {
        var s = ScenarioFiles.Valid($$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: model}
            spec:
              selector: {matchLabels: {app: model}}
              template:
                metadata:
                  labels: {app: model}
                  annotations:
                    ksim.dev/request-cost: "{{{cost}}}"
                    ksim.dev/concurrency: "4"
                    ksim.dev/queue-limit: "0"
                spec:
                  containers: [{name: m, image: model:1}]
            """);
        var d = Assert.IsType<Deployment>(Assert.Single(s.Workloads).Object);
        var w = d.Spec.Template.Workload;
        Assert.Equal(new RequestCost(SimDuration.FromSeconds(meanMs / 1000), distribution), w.RequestCost);
        Assert.Equal(4, w.Concurrency);
        Assert.Equal(0, w.QueueLimit);
    }
}
