using ChatSupport.LineSimulator;

// The LINE simulator on the command line (see LineSimCommand for the options and commands).
return LineSimCommand.Run(args, Console.In, Console.Out, Console.Error);
