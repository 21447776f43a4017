using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Api;

/// <summary>kubeflow common's UpdateJobConditions, as PyTorchJobStatus.SetCondition reproduces it.</summary>
public class PyTorchJobStatusTests
{
    private static SimTime At(int seconds) => SimTime.Zero + SimDuration.FromSeconds(seconds);

    private static string Show(PyTorchJobStatus status) =>
        string.Join(", ", status.Conditions.Select(c => $"{c.Type}={c.Status}@{(c.LastTransitionTime - SimTime.Zero).Microseconds / 1_000_000}"));

    [Fact]
    public void Running_and_Restarting_replace_each_other()
    {
        var status = new PyTorchJobStatus();
        status.SetCondition(PyTorchJob.Created, "PyTorchJobCreated", "", At(0));
        status.SetCondition(PyTorchJob.Running, "PyTorchJobRunning", "", At(1));
        status.SetCondition(PyTorchJob.Restarting, "PyTorchJobRestarting", "", At(60));
        Assert.Equal("Created=True@0, Restarting=True@60", Show(status));
        status.SetCondition(PyTorchJob.Running, "PyTorchJobRunning", "", At(90));
        Assert.Equal("Created=True@0, Running=True@90", Show(status));
    }

    [Fact]
    public void An_unchanged_condition_keeps_its_transition_time_and_reports_no_change()
    {
        var status = new PyTorchJobStatus();
        Assert.True(status.SetCondition(PyTorchJob.Running, "PyTorchJobRunning", "first", At(1)));
        Assert.False(status.SetCondition(PyTorchJob.Running, "PyTorchJobRunning", "second", At(5)));
        Assert.Equal(("first", At(1)), (status.Conditions.Single().Message, status.Conditions.Single().LastTransitionTime));
    }

    [Fact]
    public void Finishing_turns_Running_false_and_nothing_changes_after_a_failure()
    {
        var status = new PyTorchJobStatus();
        status.SetCondition(PyTorchJob.Running, "PyTorchJobRunning", "", At(1));
        status.SetCondition(PyTorchJob.Failed, "PyTorchJobFailed", "", At(100));
        Assert.Equal("Running=False@1, Failed=True@100", Show(status));
        Assert.True(status.IsFinished);
        Assert.False(status.SetCondition(PyTorchJob.Succeeded, "PyTorchJobSucceeded", "", At(200)));
        Assert.Equal("Running=False@1, Failed=True@100", Show(status));
    }
}
