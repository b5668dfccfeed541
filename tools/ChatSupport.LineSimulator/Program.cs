namespace ChatSupport.Tools.Line;

/// <summary>The LINE simulator on the command line (see <see cref="LineSimCommand"/> for the options and commands).</summary>
internal static class SimulatorProgram
{
    private static int Main(string[] args) => LineSimCommand.Run(args, Console.In, Console.Out, Console.Error);
}
