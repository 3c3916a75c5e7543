return Identity.Cli.CliApplication.Run(args, Console.Out, Console.Error);
