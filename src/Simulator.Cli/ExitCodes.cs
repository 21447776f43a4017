namespace Simulator.Cli;

/// <summary>What <c>ksim</c> returns to the shell; listed in <c>ksim --help</c>.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A bug in ksim (or, for <c>rerun</c>, results that did not repeat).</summary>
    public const int InternalError = 1;

    /// <summary>The user's input is wrong: scenario errors, bad options, an unusable output folder.</summary>
    public const int BadInput = 2;

    /// <summary>128 + SIGINT, the shell convention: the run was interrupted and a partial result written.</summary>
    public const int Interrupted = 130;
}
