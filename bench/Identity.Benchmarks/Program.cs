// A named type rather than Program: the issuer service's top-level Program is visible here too.
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Identity.Benchmarks.JwsBenchmarks).Assembly).Run(args);
