using Simulator.Cluster.Api;
using Simulator.Engine;

namespace Simulator.Cluster.Kubelet;

/// <summary>
/// One node's image pulls: an image already on the node costs nothing, one being pulled is
/// waited for, and a new pull takes the image's size over the node's pull bandwidth, queued
/// behind the others under serializeImagePulls (the kubelet's serialImagePuller).
/// </summary>
internal sealed class ImagePuller(Node node, KubeletSettings settings)
{
    private readonly Dictionary<string, SimTime> _pulling = new(StringComparer.Ordinal);
    private SimTime _pullQueueFreeAt;

    /// <summary>When all the pod's images are on the node: now if present, else after queued pulls.</summary>
    public SimTime PullImages(Pod pod, SimTime now)
    {
        var ready = now;
        foreach (var c in pod.Spec.Containers)
        {
            if (c.Image.Length == 0 || node.Status.Images.Contains(c.Image)) continue;
            if (_pulling.TryGetValue(c.Image, out var inFlight))
            {
                if (inFlight > now)
                {
                    ready = SimTime.Max(ready, inFlight);
                    continue;
                }
                // The pull finished earlier: the image is on disk now.
                _pulling.Remove(c.Image);
                node.Status.Images.Add(c.Image);
                continue;
            }
            var start = settings.SerializeImagePulls ? SimTime.Max(now, _pullQueueFreeAt) : now;
            var done = start + PullDuration(pod.Workload.ImageSizeBytes);
            _pullQueueFreeAt = done;
            _pulling[c.Image] = done;
            ready = SimTime.Max(ready, done);
        }
        return ready;
    }

    /// <summary>The pod's containers start: its images are on the node from now on.</summary>
    public void MarkPresent(Pod pod)
    {
        foreach (var c in pod.Spec.Containers)
        {
            if (c.Image.Length > 0) node.Status.Images.Add(c.Image);
        }
    }

    /// <summary>The node went down: pulls in flight are lost, and the next one starts at once.</summary>
    public void Abort(SimTime now)
    {
        _pulling.Clear();
        _pullQueueFreeAt = now;
    }

    private SimDuration PullDuration(long bytes)
    {
        if (bytes <= 0 || settings.ImagePullBytesPerSecond <= 0) return SimDuration.Zero;
        // Integer microseconds, rounded up: a pull never takes less than its bytes allow.
        long us = (long)Math.Ceiling((decimal)bytes * 1_000_000 / settings.ImagePullBytesPerSecond);
        return new SimDuration(us);
    }
}
