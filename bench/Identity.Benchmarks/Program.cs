// A named type rather than Program: the issuer service's top-level Program is visible here too.
if (args.Length > 0 && args[0] is Identity.Benchmarks.FirstMinute.Command or Identity.Benchmarks.FirstMinute.ChildCommand)
{
    return Identity.Benchmarks.FirstMinute.Run(args);
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Identity.Benchmarks.JwsBenchmarks).Assembly).Run(args);
return 0;
