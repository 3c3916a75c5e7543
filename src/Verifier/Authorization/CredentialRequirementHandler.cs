using Microsoft.AspNetCore.Authorization;

namespace Identity.Verifier.Authorization;

/// <summary>Evaluates <see cref="CredentialRequirement"/> over the principal's verified credentials, at the injected clock's now.</summary>
internal sealed class CredentialRequirementHandler(TimeProvider timeProvider) : AuthorizationHandler<CredentialRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CredentialRequirement requirement)
    {
        var now = timeProvider.GetUtcNow();
        if (context.User.GetVerifiedCredentials().Any(c => requirement.IsMetBy(c, now)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "No verified credential meets the requirement: " + requirement.Description + "."));
        }

        return Task.CompletedTask;
    }
}
