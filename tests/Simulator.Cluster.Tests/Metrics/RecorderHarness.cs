using Simulator.Cluster.Api;
using Simulator.Cluster.Metrics;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Metrics;

/// <summary>
/// A bare API server with only the metrics recorder watching: no scheduler, kubelets or
/// controllers. A test writes exactly the changes it means, at the virtual times it means, so
/// every recorded row is hand-computable and no other component's behaviour leaks in.
/// </summary>
internal sealed class RecorderHarness
{
    private static readonly LabelSelector Everything = LabelSelector.FromLabels(ObjectMeta.EmptyMap);

    public RecorderHarness()
    {
        Sim = new Simulation(1);
        Store = new ClusterStore(Sim);
        Metrics = new MetricsRecorder(Store, SimDuration.FromSeconds(10));
    }

    public Simulation Sim { get; }
    public ClusterStore Store { get; }
    public MetricsRecorder Metrics { get; }

    /// <summary>Runs <paramref name="action"/> at the absolute virtual time <paramref name="time"/> ("1m30s").</summary>
    public void At(string time, Action action) => Sim.Schedule(TestCluster.At(time), action);

    public void RunTo(string time) => Sim.RunUntil(TestCluster.At(time));

    public Node Node(string name, string pool = "", bool ready = true)
    {
        var node = new Node { Metadata = new ObjectMeta { Name = name, Namespace = "" }, Pool = pool };
        if (ready) node.Status.SetCondition(NodeConditionType.Ready, ConditionStatus.True, Sim.Now);
        Store.AddNode(node);
        return node;
    }

    /// <summary>What the node lifecycle controller writes: Unknown when heartbeats stop, True when they resume.</summary>
    public void SetReady(Node node, ConditionStatus status)
    {
        node.Status.SetCondition(NodeConditionType.Ready, status, Sim.Now);
        Store.UpdateNode(node);
    }

    public Job Job(string name)
    {
        var job = new Job
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new JobSpec { Selector = Everything, Template = Template(RestartPolicy.Never) },
        };
        Store.Jobs.Create(job);
        return job;
    }

    public void FinishJob(Job job, JobConditionType type, string reason = "")
    {
        job.Status.Conditions.Add(new JobCondition(type, Sim.Now, reason, ""));
        Store.Jobs.Update(job);
    }

    public Deployment Deployment(string name, int replicas)
    {
        var deployment = new Deployment
        {
            Metadata = new ObjectMeta { Name = name },
            Spec = new DeploymentSpec { Replicas = replicas, Selector = Everything, Template = Template(RestartPolicy.Always) },
        };
        Store.Deployments.Create(deployment);
        return deployment;
    }

    /// <summary>A ReplicaSet, controlled by <paramref name="owner"/> when given.</summary>
    public ReplicaSet ReplicaSet(string name, int replicas, Deployment? owner = null)
    {
        var replicaSet = new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                OwnerReferences = owner is null ? [] : [new OwnerReference("Deployment", owner.Name, owner.Metadata.Uid)],
            },
            Spec = new ReplicaSetSpec { Replicas = replicas, Selector = Everything, Template = Template(RestartPolicy.Always) },
        };
        Store.ReplicaSets.Create(replicaSet);
        return replicaSet;
    }

    /// <summary>A pod stamped from a template, as a controller makes it, owned by <paramref name="owner"/>.</summary>
    public Pod Pod(string name, IApiObject? owner = null, RestartPolicy restartPolicy = RestartPolicy.Always)
    {
        var reference = owner is null
            ? null
            : new OwnerReference(owner.Kind, owner.Metadata.Name, owner.Metadata.Uid);
        var pod = reference is null
            ? new Pod { Metadata = new ObjectMeta { Name = name }, Spec = Template(restartPolicy).Spec.Copy() }
            : Template(restartPolicy).NewPod(name, "default", reference);
        Store.CreatePod(pod);
        return pod;
    }

    /// <summary>Binds the pod and starts its containers: Running and Ready, as the kubelet reports it.</summary>
    public void Run(Pod pod, string node)
    {
        if (!pod.IsBound) Store.BindPod(pod, node);
        pod.Status.Phase = PodPhase.Running;
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.True, Sim.Now);
        Store.UpdatePodStatus(pod);
    }

    /// <summary>A container restart in place (restartPolicy Always or OnFailure): not Ready until it is up again.</summary>
    public void Restart(Pod pod)
    {
        pod.Status.RestartCount++;
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, Sim.Now, "ContainersNotReady");
        Store.UpdatePodStatus(pod);
    }

    public void Finish(Pod pod, PodPhase phase, string reason)
    {
        pod.Status.Phase = phase;
        pod.Status.Reason = reason;
        pod.Status.SetCondition(PodConditionType.Ready, ConditionStatus.False, Sim.Now, "PodCompleted");
        Store.UpdatePodStatus(pod);
    }

    /// <summary>An eviction as the taint manager, a drain or the scheduler does it: the event, then the delete request.</summary>
    public void Evict(Pod pod, string reason)
    {
        Store.RecordEvent(EventType.Normal, reason, "Pod", pod.Key, "evicted", "test");
        Store.DeletePod(pod);
    }

    private static PodTemplate Template(RestartPolicy restartPolicy) => new()
    {
        Spec = new PodSpec
        {
            Containers = [new Container("main", "", ResourceList.Empty, ResourceList.Empty)],
            RestartPolicy = restartPolicy,
        },
    };
}
