using System.Diagnostics.CodeAnalysis;

namespace Identity.Shared.Verification;

/// <summary>The outcome of one verification step: a value, or the error that stops the pipeline.</summary>
internal readonly record struct StepResult<T>(T? Value, VerificationError? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

    public static StepResult<T> Success(T value) => new(value, null);

    public static StepResult<T> Fail(VerificationErrorCode code, string message) => new(default, new VerificationError(code, message));

    public static implicit operator StepResult<T>(VerificationError error) => new(default, error);
}
