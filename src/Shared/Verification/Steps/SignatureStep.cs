using System.Security.Cryptography;
using Identity.Shared.Crypto;
using Identity.Shared.Dids;
using Identity.Shared.Jose;

namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Signature: the JWS verifies with a verification method of the signer's document that the required relationship
/// (assertionMethod for a credential, authentication for a presentation) lists. A <c>kid</c> narrows the search to
/// that method. Methods with a key verify directly; address-only methods (<c>blockchainAccountId</c>,
/// <c>ethereumAddress</c>) match by public-key recovery, computed lazily: recovery id 0 first and 1 only if needed,
/// each at most once, whatever the number of methods. A signature by a method of the document that the relationship
/// does not list is <c>key_not_authorized</c>; by none, <c>invalid_signature</c>.
/// </summary>
internal static class SignatureStep
{
    public static StepResult<VerificationMethod> Verify(JwsCompact jws, DidDocument document, VerificationRelationship relationship)
    {
        var algorithm = jws.Header.Algorithm;
        var recovery = new SignerRecovery(jws);
        var authorized = document.GetVerificationMethods(relationship);
        var kid = jws.Header.KeyId;
        if (kid is not null)
        {
            var named = document.FindVerificationMethod(kid);
            if (named is null || !SameDocument(kid, document.Id))
            {
                return StepResult<VerificationMethod>.Fail(VerificationErrorCode.KeyNotAuthorized, "The token's kid names no verification method of the signer.");
            }

            if (!Matches(named, jws, algorithm, recovery))
            {
                return StepResult<VerificationMethod>.Fail(VerificationErrorCode.InvalidSignature, "The signature does not verify with the method the kid names.");
            }

            return authorized.Any(m => m.Id == named.Id)
                ? StepResult<VerificationMethod>.Success(named)
                : StepResult<VerificationMethod>.Fail(VerificationErrorCode.KeyNotAuthorized, $"The signing method is not listed under {Name(relationship)}.");
        }

        foreach (var method in authorized)
        {
            if (Matches(method, jws, algorithm, recovery))
            {
                return StepResult<VerificationMethod>.Success(method);
            }
        }

        // Only on the failure path: tell a key the document holds for another purpose from no key at all.
        var elsewhere = (document.VerificationMethod ?? []).Where(m => !authorized.Any(a => a.Id == m.Id)).Any(m => Matches(m, jws, algorithm, recovery));
        return elsewhere
            ? StepResult<VerificationMethod>.Fail(VerificationErrorCode.KeyNotAuthorized, $"The signing method is not listed under {Name(relationship)}.")
            : StepResult<VerificationMethod>.Fail(VerificationErrorCode.InvalidSignature, "The signature does not verify with any key of the signer.");
    }

    private static bool Matches(VerificationMethod method, JwsCompact jws, SignatureAlgorithm algorithm, SignerRecovery recovery)
    {
        if (method.HasAccountOnly)
        {
            return algorithm.KeyType == KeyType.Secp256k1 && AccountOf(method) is { } account && recovery.Matches(account);
        }

        return method.TryGetPublicKey(out var key) && key.Type == algorithm.KeyType && jws.Verify(key);
    }

    /// <summary>The address of <c>ethereumAddress</c>, or of a CAIP-10 <c>eip155:&lt;chain&gt;:&lt;address&gt;</c> or legacy <c>&lt;address&gt;@eip155:&lt;chain&gt;</c> account.</summary>
    private static EthereumAddress? AccountOf(VerificationMethod method)
    {
        var text = method.EthereumAddress;
        if (text is null && method.BlockchainAccountId is { } account)
        {
            if (account.StartsWith("eip155:", StringComparison.Ordinal))
            {
                text = account[(account.LastIndexOf(':') + 1)..];
            }
            else if (account.IndexOf("@eip155", StringComparison.Ordinal) is var at and > 0)
            {
                text = account[..at];
            }
        }

        // Account ids are compared case-insensitively, as did-jwt does: a checksum error is no reason to refuse.
        return text is not null && EthereumAddress.TryParse(text.ToLowerInvariant(), out var address) ? address : null;
    }

    private static bool SameDocument(string kid, string documentId) =>
        kid.StartsWith('#') || (kid.StartsWith(documentId, StringComparison.Ordinal) && kid.Length > documentId.Length && kid[documentId.Length] == '#');

    private static string Name(VerificationRelationship relationship) => relationship switch
    {
        VerificationRelationship.Authentication => "authentication",
        VerificationRelationship.AssertionMethod => "assertionMethod",
        _ => relationship.ToString(),
    };

    /// <summary>The secp256k1 signer's address, recovered at most once per recovery id and only when asked.</summary>
    private sealed class SignerRecovery(JwsCompact jws)
    {
        private readonly EthereumAddress?[] recovered = new EthereumAddress?[2];
        private readonly bool[] attempted = new bool[2];
        private byte[]? hash;

        public bool Matches(EthereumAddress account)
        {
            var signature = jws.Signature.Span;
            if (jws.Header.Algorithm == SignatureAlgorithm.ES256KR)
            {
                // The recovery id is in the signature: one recovery decides.
                return signature[64] <= 1 && Recover(signature[64]) == account;
            }

            if (jws.Header.Algorithm != SignatureAlgorithm.ES256K)
            {
                return false;
            }

            return Recover(0) == account || Recover(1) == account;
        }

        private EthereumAddress? Recover(int recoveryId)
        {
            if (!attempted[recoveryId])
            {
                attempted[recoveryId] = true;
                hash ??= SHA256.HashData(jws.SigningInput.Span);
                Span<byte> publicKey = stackalloc byte[Secp256k1.UncompressedPublicKeySize];
                recovered[recoveryId] = Secp256k1.Default.TryRecover(hash, jws.Signature.Span[..64], recoveryId, publicKey)
                    ? EthereumAddress.FromUncompressedPublicKey(publicKey)
                    : null;
            }

            return recovered[recoveryId];
        }
    }
}
