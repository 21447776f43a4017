namespace Simulator.Cluster.Scheduling;

/// <summary>How many feasible nodes kube-scheduler looks for before it stops filtering (numFeasibleNodesToFind).</summary>
public static class NodeSampling
{
    public const int MinFeasibleNodesToFind = 100;
    public const int MinFeasibleNodesPercentageToFind = 5;
    public const int BasePercentageOfNodesToScore = 50;

    /// <summary>
    /// Below 100 nodes, all of them. Otherwise percentageOfNodesToScore of them (adaptive when 0:
    /// 50 - N/125, at least 5), and never fewer than 100.
    /// </summary>
    public static int NumFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes)
    {
        if (numAllNodes < MinFeasibleNodesToFind || percentageOfNodesToScore >= 100) return numAllNodes;
        int percentage = percentageOfNodesToScore;
        if (percentage <= 0)
        {
            percentage = BasePercentageOfNodesToScore - numAllNodes / 125;
            if (percentage < MinFeasibleNodesPercentageToFind) percentage = MinFeasibleNodesPercentageToFind;
        }
        int numNodes = (int)((long)numAllNodes * percentage / 100);
        return numNodes < MinFeasibleNodesToFind ? MinFeasibleNodesToFind : numNodes;
    }
}
