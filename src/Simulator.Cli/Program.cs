using System.Runtime.InteropServices;
using Simulator.Cli;

using var interrupted = new CancellationTokenSource();
// The first Ctrl+C (or SIGTERM) stops the simulation, which then writes what it simulated so far
// as a partial result; a second one is left to the default handler and ends the process at once.
void Interrupt(PosixSignalContext signal)
{
    if (interrupted.IsCancellationRequested) return;
    signal.Cancel = true;
    Console.Error.WriteLine("ksim: interrupted; writing what was simulated so far (interrupt again to quit at once)");
    interrupted.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

var context = new CliContext(Console.Out, Console.Error) { ErrorIsTerminal = !Console.IsErrorRedirected };
return await Cli.InvokeAsync(args, context, interrupted.Token);
