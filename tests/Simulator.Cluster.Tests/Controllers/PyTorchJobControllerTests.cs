using Simulator.Cluster.Api;
using Simulator.Cluster.Controllers;
using Simulator.Cluster.Store;
using Simulator.Cluster.Tests.Builders;

namespace Simulator.Cluster.Tests.Controllers;

/// <summary>
/// Kubeflow training-operator v1's PyTorchJob controller: one pod per replica with fixed names,
/// the operator's labels and owner reference; the job follows its Master; deleted pods come back
/// under the same name; backoffLimit, activeDeadlineSeconds and restartPolicy Never fail it;
/// cleanPodPolicy; the PodGroup asked for by schedulingPolicy. Pods take 1 s from creation to
/// running (the kubelet's container start) and then run for their ksim.dev/duration.
/// </summary>
public class PyTorchJobControllerTests
{
    private static TestCluster Cluster() => new TestCluster().Nodes(new NodeBuilder("a").Cpu("8"));

    [Fact]
    public void Each_replica_gets_one_pod_with_the_operators_name_labels_and_owner()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("mnist").Master("10m").Workers(2, "20m"));
        cluster.RunFor("1m");

        var pods = cluster.PodsOf(job);
        Assert.Equal(["mnist-master-0", "mnist-worker-0", "mnist-worker-1"], pods.Select(p => p.Name));
        Assert.All(pods, p =>
        {
            Assert.Equal(new OwnerReference("PyTorchJob", "mnist", job.Metadata.Uid, Controller: true), p.Metadata.OwnerReferences.Single());
            Assert.Equal("mnist", p.Metadata.Labels[TrainingOperatorLabels.JobName]);
            Assert.Equal(PyTorchJobController.ComponentName, p.Metadata.Labels[TrainingOperatorLabels.OperatorName]);
            Assert.Equal("mnist", p.Metadata.Labels["app"]); // the template's own labels stay
            Assert.Equal(RestartPolicy.OnFailure, p.Spec.RestartPolicy);
            Assert.Equal(PodPhase.Running, p.Status.Phase);
            Assert.False(p.Metadata.Labels.ContainsKey(PodGroup.GroupLabel));
        });
        Assert.Equal(
            [("master", "0", "master"), ("worker", "0", null), ("worker", "1", null)],
            pods.Select(p => (p.Metadata.Labels[TrainingOperatorLabels.ReplicaType], p.Metadata.Labels[TrainingOperatorLabels.ReplicaIndex],
                p.Metadata.Labels.GetValueOrDefault(TrainingOperatorLabels.JobRole))));
        Assert.Equal(3, cluster.EventsFor(job, "SuccessfulCreatePod").Count());
        Assert.Equal("Created pod: mnist-master-0", cluster.EventsFor(job, "SuccessfulCreatePod").First().Message);

        Assert.Equal(TestCluster.At("0s"), job.Status.StartTime);
        Assert.Equal(
            [(PyTorchJob.Created, "PyTorchJobCreated", TestCluster.At("0s")), (PyTorchJob.Running, "PyTorchJobRunning", TestCluster.At("1s"))],
            job.Status.Conditions.Select(c => (c.Type, c.Reason, c.LastTransitionTime)));
        Assert.Equal((1, 0, 0), job.Status.ReplicaStatuses[PyTorchJob.Master]);
        Assert.Equal((2, 0, 0), job.Status.ReplicaStatuses[PyTorchJob.Worker]);
    }

    [Fact]
    public void The_job_succeeds_when_the_master_does_and_by_default_leaves_the_workers_running()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("mnist").Master("10m").Workers(2, "20m"));
        cluster.RunFor("15m");

        Assert.Equal(TestCluster.At("10m1s"), job.Status.CompletionTime);
        var succeeded = job.Status.Conditions[^1];
        Assert.Equal((PyTorchJob.Succeeded, "PyTorchJobSucceeded", "PyTorchJob mnist is successfully completed.", TestCluster.At("10m1s")),
            (succeeded.Type, succeeded.Reason, succeeded.Message, succeeded.LastTransitionTime));
        Assert.Equal(ConditionStatus.False, job.Status.Conditions.Single(c => c.Type == PyTorchJob.Running).Status);
        Assert.True(job.Status.IsFinished);
        var evt = cluster.EventsFor(job, "PyTorchJobSucceeded").Single();
        Assert.Equal((EventType.Normal, TestCluster.At("10m1s")), (evt.Type, evt.Time));

        // cleanPodPolicy None (PyTorchJob's default): the workers run on; the master stays Succeeded.
        Assert.Equal([PodPhase.Succeeded, PodPhase.Running, PodPhase.Running], cluster.PodsOf(job).Select(p => p.Status.Phase));
        Assert.All(cluster.PodsOf(job), p => Assert.False(p.IsTerminating));
        // A succeeded job's active replicas count as succeeded.
        Assert.Equal((0, 2, 0), job.Status.ReplicaStatuses[PyTorchJob.Worker]);
    }

    [Fact]
    public void CleanPodPolicy_Running_deletes_the_running_workers_when_the_master_succeeds()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("mnist").Master("10m").Workers(2, "20m").CleansUp(CleanPodPolicy.Running));
        cluster.RunFor("15m");

        Assert.Equal(TestCluster.At("10m1s"), job.Status.CompletionTime);
        var pods = cluster.PodsOf(job);
        Assert.Equal("mnist-master-0", Assert.Single(pods).Name); // the workers were deleted, the finished master kept
        var deleted = cluster.EventsFor(job, "SuccessfulDeletePod").Select(e => (e.Message, e.Time));
        Assert.Equal([("Deleted pod: mnist-worker-0", TestCluster.At("10m1s")), ("Deleted pod: mnist-worker-1", TestCluster.At("10m1s"))], deleted);
    }

    [Fact]
    public void Without_a_master_the_job_succeeds_when_every_worker_has()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("workers").Workers(3, "5m"));
        cluster.RunFor("10m");

        Assert.Equal(TestCluster.At("5m1s"), job.Status.CompletionTime);
        Assert.Equal("PyTorchJob default/workers successfully completed.", job.Status.Conditions[^1].Message);
        Assert.Equal((0, 3, 0), job.Status.ReplicaStatuses[PyTorchJob.Worker]);
    }

    [Fact]
    public void A_deleted_worker_is_re_created_under_the_same_name_once_it_is_gone()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("mnist").Master("30m").Workers(2, "30m"));
        cluster.RunTo("2m");
        var old = cluster.PodsOf(job).Single(p => p.Name == "mnist-worker-1");
        cluster.Delete(old);
        cluster.RunTo("3m");

        var replacement = cluster.PodsOf(job).Single(p => p.Name == "mnist-worker-1");
        Assert.NotSame(old, replacement);
        Assert.NotEqual(old.Metadata.Uid, replacement.Metadata.Uid);
        // Not while the old pod is terminating (it holds the name), but as soon as it is removed.
        var removed = cluster.Sim.Metrics.Events.Single(e => e.ObjectName == old.Key && e.Reason == "Killing");
        Assert.Equal(TestCluster.At("2m"), removed.Time);
        Assert.Equal(cluster.RecordOf(old).Deleted, replacement.Metadata.CreationTimestamp);
        Assert.Equal(PodPhase.Running, replacement.Status.Phase);
        Assert.Equal(("1", "worker"), (replacement.Metadata.Labels[TrainingOperatorLabels.ReplicaIndex], replacement.Metadata.Labels[TrainingOperatorLabels.ReplicaType]));
        Assert.Equal(4, cluster.EventsFor(job, "SuccessfulCreatePod").Count());
        Assert.False(job.Status.IsFinished);
    }

    [Fact]
    public void A_worker_lost_with_its_node_comes_back_only_when_the_node_does()
    {
        // Two nodes: with every node of the zone down, the node lifecycle controller evicts nothing.
        var cluster = new TestCluster().Nodes(new NodeBuilder("a"), new NodeBuilder("b"));
        var job = cluster.Create(new PyTorchJobBuilder("lost").Workers(1, "2h"));
        cluster.RunTo("1m");
        var node = cluster.PodsOf(job).Single().Spec.NodeName;
        cluster.FailAt("5m", node);
        cluster.RecoverAt("30m", node);
        cluster.RunTo("29m");

        // Evicted 300 s after the unreachable taint, the pod stays Terminating on the dead node and
        // keeps its name: the operator counts it as failed and cannot re-create it yet.
        var pod = cluster.PodsOf(job).Single();
        Assert.True(pod.IsTerminating);
        var restarting = job.Status.Conditions[^1];
        Assert.Equal((PyTorchJob.Restarting, "PyTorchJobRestarting", "PyTorchJob lost is restarting because 1 Worker replica(s) failed."),
            (restarting.Type, restarting.Reason, restarting.Message));
        Assert.Equal(pod.Metadata.DeletionTimestamp, restarting.LastTransitionTime);
        Assert.Equal((0, 0, 1), job.Status.ReplicaStatuses[PyTorchJob.Worker]);
        Assert.Single(cluster.EventsFor(job, "SuccessfulCreatePod"));

        cluster.RunTo("31m");
        var replacement = cluster.PodsOf(job).Single();
        Assert.Equal("lost-worker-0", replacement.Name);
        Assert.NotEqual(pod.Metadata.Uid, replacement.Metadata.Uid);
        Assert.Equal(TestCluster.At("30m"), replacement.Metadata.CreationTimestamp);
        Assert.Equal(PodPhase.Running, replacement.Status.Phase);
        Assert.Equal(PyTorchJob.Running, job.Status.Conditions[^1].Type);
    }

    [Fact]
    public void Container_restarts_reaching_backoffLimit_fail_the_job_and_delete_its_pods()
    {
        var cluster = Cluster();
        // Every run fails somewhere in its 10 minutes; OnFailure restarts the container in place.
        var job = cluster.Create(new PyTorchJobBuilder("flaky").Master("10m", failureProbability: 1).Workers(1, "1h").BackoffLimit(2));
        cluster.RunFor("2h");

        var failed = job.Status.Conditions[^1];
        Assert.Equal((PyTorchJob.Failed, "PyTorchJobFailed", "Job flaky has failed because it has reached the specified backoff limit"),
            (failed.Type, failed.Reason, failed.Message));
        Assert.Equal(job.Status.CompletionTime, failed.LastTransitionTime);
        // The master's second restart is the one that reaches the limit of 2.
        var restarts = cluster.Sim.Metrics.Events.Where(e => e.ObjectName == "default/flaky-master-0" && e.Reason == "BackOff").ToList();
        Assert.Equal(2, restarts.Count);
        Assert.True(failed.LastTransitionTime > restarts[1].Time);
        Assert.Equal(["Deleted pod: flaky-master-0", "Deleted pod: flaky-worker-0"], cluster.EventsFor(job, "SuccessfulDeletePod").Select(e => e.Message));
        Assert.All(cluster.PodsOf(job), p => Assert.True(p.IsTerminating));
        Assert.Equal(EventType.Normal, cluster.EventsFor(job, "PyTorchJobFailed").Single().Type);
    }

    [Fact]
    public void Under_restartPolicy_Never_a_failed_worker_fails_the_job()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("strict").Master("1h").Workers(2, "30m", RestartPolicy.Never, failureProbability: 1));
        cluster.RunFor("40m");

        var failed = job.Status.Conditions[^1];
        Assert.Equal((PyTorchJob.Failed, "PyTorchJobFailed"), (failed.Type, failed.Reason));
        Assert.StartsWith("PyTorchJob strict is failed because ", failed.Message);
        Assert.EndsWith(" Worker replica(s) failed.", failed.Message);
        var firstFailure = cluster.Store.Pods.Where(p => p.Status.Phase == PodPhase.Failed).Min(p => p.Status.Conditions.Single(c => c.Type == PodConditionType.Ready).LastTransitionTime);
        Assert.Equal(firstFailure, failed.LastTransitionTime);
        // Nothing was re-created, and with cleanPodPolicy None the master keeps running.
        Assert.Equal(3, cluster.EventsFor(job, "SuccessfulCreatePod").Count());
        Assert.Equal(PodPhase.Running, cluster.PodsOf(job).Single(p => p.Name == "strict-master-0").Status.Phase);
    }

    [Fact]
    public void ActiveDeadlineSeconds_fails_the_job_at_the_deadline()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("slow").Master("1h").Workers(1, "1h").ActiveDeadlineSeconds(300));
        cluster.RunFor("10m");

        var failed = job.Status.Conditions[^1];
        Assert.Equal((PyTorchJob.Failed, "Job slow has failed because it was active longer than specified deadline", TestCluster.At("5m")),
            (failed.Type, failed.Message, failed.LastTransitionTime));
        Assert.Equal(2, cluster.EventsFor(job, "SuccessfulDeletePod").Count());
    }

    [Fact]
    public void A_job_that_finishes_before_its_deadline_leaves_no_timer_behind()
    {
        var withDeadline = Cluster();
        var job = withDeadline.Create(new PyTorchJobBuilder("quick").Master("10m").Workers(1, "10m").ActiveDeadlineSeconds(86_400));
        withDeadline.RunFor("11m");
        var without = Cluster();
        without.Create(new PyTorchJobBuilder("quick").Master("10m").Workers(1, "10m"));
        without.RunFor("11m");

        Assert.Equal(PyTorchJob.Succeeded, job.Status.Conditions[^1].Type);
        // A run without a duration ends here, not a day later when the deadline would have fired.
        Assert.Equal(without.Engine.PendingEvents, withDeadline.Engine.PendingEvents);
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData(3, 3)]
    public void A_scheduling_policy_makes_a_PodGroup_named_after_the_job_with_minMember(int? minAvailable, int minMember)
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("gang").Master("10m").Workers(3, "10m").Gang(minAvailable));
        cluster.RunFor("1m");

        var group = cluster.Store.PodGroups.Items.Single();
        Assert.Equal(("gang", "default", minMember), (group.Name, group.Metadata.Namespace, group.Spec.MinMember));
        Assert.Equal(new OwnerReference("PyTorchJob", "gang", job.Metadata.Uid, Controller: true), group.Metadata.OwnerReferences.Single());
        Assert.All(cluster.PodsOf(job), p => Assert.Equal("gang", p.Metadata.Labels[PodGroup.GroupLabel]));
        Assert.True(group.Metadata.CreationTimestamp <= cluster.PodsOf(job).Min(p => p.Metadata.CreationTimestamp));

        // The finished job's PodGroup is deleted.
        cluster.RunFor("15m");
        Assert.True(job.Status.IsFinished);
        Assert.Empty(cluster.Store.PodGroups.Items);
        Assert.Equal("Deleted PodGroup: gang", cluster.EventsFor(job, "SuccessfulDeletePodGroup").Single().Message);
    }

    [Fact]
    public void Without_a_scheduling_policy_no_PodGroup_is_made()
    {
        var cluster = Cluster();
        cluster.Create(new PyTorchJobBuilder("plain").Master("10m").Workers(3, "10m"));
        cluster.RunFor("1m");
        Assert.Empty(cluster.Store.PodGroups.Items);
    }

    [Fact]
    public void Deleting_the_job_deletes_its_pods_and_PodGroup()
    {
        var cluster = Cluster();
        var job = cluster.Create(new PyTorchJobBuilder("gone").Master("1h").Workers(2, "1h").Gang());
        cluster.RunTo("2m");
        cluster.Store.PyTorchJobs.Delete(job);
        cluster.RunTo("5m");

        Assert.Empty(cluster.PodsOf(job));
        Assert.Empty(cluster.Store.PodGroups.Items);
    }
}
