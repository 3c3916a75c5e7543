using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Jose;

namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Signature: the JWS verifies with a verification method of the signer's document that the required relationship
/// (assertionMethod for a credential, authentication for a presentation) lists. A <c>kid</c> narrows the search to
/// that method. Methods with a key verify directly; address-only methods (<c>blockchainAccountId</c>,
/// <c>ethereumAddress</c>) match by public-key recovery, computed lazily and cached on the token (one API for the
/// step and <see cref="JwsCompact"/>'s users): for ES256K-R the one recovery its recovery byte names, for ES256K id 0
/// first and 1 only if needed, each at most once whatever the number of methods. ES256K-R also checks keyed secp256k1
/// methods against that same recovered key rather than recovering again per method. A signature by a method of the document that the relationship does not list is
/// <c>key_not_authorized</c>; by none, <c>invalid_signature</c>.
/// </summary>
internal static class SignatureStep
{
    public static StepResult<VerificationMethod> Verify(JwsCompact jws, DidDocument document, VerificationRelationship relationship) =>
        Verify(jws, document, relationship, Secp256k1.Default);

    /// <summary>As <see cref="Verify(JwsCompact, DidDocument, VerificationRelationship)"/> with the given curve implementation (tests count recoveries through it).</summary>
    internal static StepResult<VerificationMethod> Verify(JwsCompact jws, DidDocument document, VerificationRelationship relationship, Secp256k1 curve)
    {
        var signer = new Signer(jws, curve);
        var authorized = document.GetVerificationMethods(relationship);
        var kid = jws.Header.KeyId;
        if (kid is not null)
        {
            var named = SameDocument(kid, document.Id) ? document.FindVerificationMethod(kid) : null;
            if (named is null)
            {
                return StepResult<VerificationMethod>.Fail(VerificationErrorCode.KeyNotAuthorized, "The token's kid names no verification method of the signer.");
            }

            if (!signer.IsMadeBy(named))
            {
                return StepResult<VerificationMethod>.Fail(VerificationErrorCode.InvalidSignature, "The signature does not verify with the method the kid names.");
            }

            return authorized.Any(m => SameMethod(m, named, document.Id))
                ? StepResult<VerificationMethod>.Success(named)
                : StepResult<VerificationMethod>.Fail(VerificationErrorCode.KeyNotAuthorized, $"The signing method is not listed under {Name(relationship)}.");
        }

        foreach (var method in authorized)
        {
            if (signer.IsMadeBy(method))
            {
                return StepResult<VerificationMethod>.Success(method);
            }
        }

        // Only on the failure path: tell a key the document holds for another purpose from no key at all.
        var elsewhere = (document.VerificationMethod ?? [])
            .Where(m => !authorized.Any(a => SameMethod(a, m, document.Id)))
            .Any(signer.IsMadeBy);
        return elsewhere
            ? StepResult<VerificationMethod>.Fail(VerificationErrorCode.KeyNotAuthorized, $"The signing method is not listed under {Name(relationship)}.")
            : StepResult<VerificationMethod>.Fail(VerificationErrorCode.InvalidSignature, "The signature does not verify with any key of the signer.");
    }

    /// <summary>The address of <c>ethereumAddress</c>, or of a CAIP-10 <c>eip155:&lt;chain&gt;:&lt;address&gt;</c> or legacy <c>&lt;address&gt;@eip155:&lt;chain&gt;</c> account.</summary>
    private static EthereumAddress? AccountOf(VerificationMethod method)
    {
        var text = method.EthereumAddress.AsSpan();
        if (method.EthereumAddress is null && method.BlockchainAccountId is { } account)
        {
            if (account.StartsWith("eip155:", StringComparison.Ordinal))
            {
                text = account.AsSpan(account.LastIndexOf(':') + 1);
            }
            else if (account.IndexOf("@eip155", StringComparison.Ordinal) is var at and > 0)
            {
                text = account.AsSpan(0, at);
            }
        }

        // Account ids are compared case-insensitively, as did-jwt does: a checksum error is no reason to refuse. Decoded
        // from the span in place: this runs for every address-only method of every document checked.
        Span<byte> raw = stackalloc byte[EthereumAddress.Size];
        return text.Length == 2 + (2 * EthereumAddress.Size) && text[0] == '0' && (text[1] | 0x20) == 'x' &&
            Convert.FromHexString(text[2..], raw, out _, out var written) == System.Buffers.OperationStatus.Done && written == EthereumAddress.Size
            ? EthereumAddress.FromBytes(raw)
            : null;
    }

    private static bool SameDocument(string kid, string documentId) =>
        kid.StartsWith('#') || (kid.StartsWith(documentId, StringComparison.Ordinal) && kid.Length > documentId.Length && kid[documentId.Length] == '#');

    private static bool SameMethod(VerificationMethod a, VerificationMethod b, string documentId) =>
        string.Equals(DidUrl.ResolveReference(a.Id, documentId), DidUrl.ResolveReference(b.Id, documentId), StringComparison.Ordinal);

    private static string Name(VerificationRelationship relationship) => relationship switch
    {
        VerificationRelationship.Authentication => "authentication",
        VerificationRelationship.AssertionMethod => "assertionMethod",
        _ => relationship.ToString(),
    };

    /// <summary>
    /// Who made the signature, asked method by method. The secp256k1 recoveries are <see cref="JwsCompact"/>'s own
    /// lazy ones (<see cref="JwsCompact.IsSignedByAddress(EthereumAddress)"/>): at most once per recovery id and token,
    /// whatever the number of methods compared.
    /// </summary>
    private sealed class Signer(JwsCompact jws, Secp256k1 curve)
    {
        private SignatureAlgorithm Algorithm => jws.Header.Algorithm;

        public bool IsMadeBy(VerificationMethod method)
        {
            if (method.HasAccountOnly)
            {
                return Algorithm.KeyType == KeyType.Secp256k1 && AccountOf(method) is { } account && jws.IsSignedByAddress(account, curve);
            }

            return method.TryGetPublicKey(out var key) && key.Type == Algorithm.KeyType && jws.Verify(key, curve);
        }
    }
}
