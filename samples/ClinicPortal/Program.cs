// The clinic portal sample is being built (issue 6): sign-in by verifiable presentation, policy-guarded APIs.
var app = WebApplication.CreateBuilder(args).Build();
app.Run();
