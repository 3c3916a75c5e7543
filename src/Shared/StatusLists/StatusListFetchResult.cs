using System.Diagnostics.CodeAnalysis;
using Identity.Shared.Verification;

namespace Identity.Shared.StatusLists;

/// <summary>The outcome of <see cref="IStatusListProvider.GetAsync"/>: a document, or an error (<c>status_unavailable</c>).</summary>
public sealed class StatusListFetchResult
{
    private StatusListFetchResult(StatusListDocument? document, VerificationError? error)
    {
        Document = document;
        Error = error;
    }

    /// <summary>Whether a document is available.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Document is not null;

    /// <summary>The document, on success.</summary>
    public StatusListDocument? Document { get; }

    /// <summary>Why there is no document, on failure.</summary>
    public VerificationError? Error { get; }

    /// <summary>A success.</summary>
    public static StatusListFetchResult Success(StatusListDocument document) => new(document ?? throw new ArgumentNullException(nameof(document)), null);

    /// <summary>A failure.</summary>
    public static StatusListFetchResult Failure(VerificationError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
