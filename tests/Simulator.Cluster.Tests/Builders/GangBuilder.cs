using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Tests.Builders;

/// <summary>
/// scheduler-plugins PodGroups and their member pods for gang tests:
/// <c>Gang.Group("train", minMember: 4)</c> and <c>Gang.Member(new PodBuilder("train-0").Cpu("1"), "train")</c>.
/// </summary>
public static class Gang
{
    public static PodGroup Group(string name, int minMember, int? scheduleTimeoutSeconds = null) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PodGroupSpec { MinMember = minMember, ScheduleTimeoutSeconds = scheduleTimeoutSeconds },
    };

    /// <summary>The built pod with the <c>scheduling.x-k8s.io/pod-group</c> label naming <paramref name="group"/>.</summary>
    public static Pod Member(PodBuilder pod, string group)
    {
        var built = pod.Build();
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = built.Metadata.Name,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [PodGroup.GroupLabel] = group },
            },
            Spec = built.Spec,
            Workload = built.Workload,
        };
    }

    /// <summary>Creates the group now, then <paramref name="count"/> members named group-0, group-1, ...</summary>
    public static List<Pod> CreateGang(this TestCluster cluster, PodGroup group, int count, Func<PodBuilder, PodBuilder> pod)
    {
        cluster.Store.PodGroups.Create(group);
        var pods = new List<Pod>();
        for (int i = 0; i < count; i++)
        {
            var p = Member(pod(new PodBuilder($"{group.Name}-{i}")), group.Name);
            cluster.Store.CreatePod(p);
            pods.Add(p);
        }
        return pods;
    }

    /// <summary>When each pod was bound (its Scheduled event), or null.</summary>
    public static SimTime? BoundAt(this TestCluster cluster, Pod pod) =>
        cluster.EventsFor(pod, "Scheduled").Select(e => (SimTime?)e.Time).FirstOrDefault();
}
