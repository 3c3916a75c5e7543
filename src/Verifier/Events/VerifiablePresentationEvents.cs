namespace Identity.Verifier;

/// <summary>The handler's events, in the manner of JwtBearerEvents.</summary>
public class VerifiablePresentationEvents
{
    /// <summary>Before the token is read (see <see cref="PresentationReceivedContext.Token"/>).</summary>
    public Func<PresentationReceivedContext, Task> OnMessageReceived { get; set; } = _ => Task.CompletedTask;

    /// <summary>After a presentation verified and its nonce was redeemed.</summary>
    public Func<PresentationValidatedContext, Task> OnPresentationValidated { get; set; } = _ => Task.CompletedTask;

    /// <summary>When a presentation was refused.</summary>
    public Func<PresentationAuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = _ => Task.CompletedTask;

    /// <summary>Before the 401 challenge is written.</summary>
    public Func<PresentationChallengeContext, Task> OnChallenge { get; set; } = _ => Task.CompletedTask;

    /// <summary>Invokes <see cref="OnMessageReceived"/>.</summary>
    public virtual Task MessageReceived(PresentationReceivedContext context) => OnMessageReceived(context);

    /// <summary>Invokes <see cref="OnPresentationValidated"/>.</summary>
    public virtual Task PresentationValidated(PresentationValidatedContext context) => OnPresentationValidated(context);

    /// <summary>Invokes <see cref="OnAuthenticationFailed"/>.</summary>
    public virtual Task AuthenticationFailed(PresentationAuthenticationFailedContext context) => OnAuthenticationFailed(context);

    /// <summary>Invokes <see cref="OnChallenge"/>.</summary>
    public virtual Task Challenge(PresentationChallengeContext context) => OnChallenge(context);
}
