using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Shared.Crypto;
using Identity.Shared.Jose;
using Identity.Shared.Verification;

namespace Identity.Shared.Credentials;

/// <summary>
/// The VCDM 1.1 JWT encoding (§6.3.1), mapped as did-jwt-vc 4 maps it both ways (<c>transformCredentialInput</c>,
/// <c>normalizeCredential</c> and their presentation twins): <c>iss</c> = issuer (or holder), <c>sub</c> =
/// <c>credentialSubject.id</c>, <c>nbf</c> = <c>issuanceDate</c>, <c>exp</c> = <c>expirationDate</c>, <c>jti</c> =
/// <c>id</c>, and <c>@context</c>, <c>type</c>, <c>credentialSubject</c>, <c>credentialStatus</c>,
/// <c>credentialSchema</c>, <c>evidence</c>, <c>termsOfUse</c>, <c>refreshService</c> in the <c>vc</c> claim. Where
/// did-jwt-vc silently lets one of two duplicated values win, decoding here refuses values that disagree: the
/// signature is checked against <c>iss</c>, so an <c>issuer.id</c> that says otherwise must never be believed.
/// </summary>
public static class VcJwt
{
    private const string JwtType = "JWT";

    private static readonly string[] AdditionalMembers = ["evidence", "termsOfUse", "refreshService", "credentialSchema", "credentialStatus"];
    private static readonly HashSet<string> CredentialClaimMembers = ["@context", "type", "credentialSubject", .. AdditionalMembers];
    private static readonly HashSet<string> PresentationClaimMembers = ["@context", "type", "verifiableCredential"];
    private static readonly string[] CredentialOrder = ["@context", "id", "type", "issuer", "issuanceDate", "expirationDate", "credentialSubject", .. AdditionalMembers];
    private static readonly string[] PresentationOrder = ["@context", "id", "type", "holder", "verifier", "issuanceDate", "expirationDate", "verifiableCredential"];

    /// <summary>
    /// The JWT claims of a VCDM 1.1 credential, as did-jwt-vc's <c>transformCredentialInput</c> makes them (members it
    /// does not map, such as <c>name</c>, stay beside <c>vc</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The credential is not VCDM 1.1, has several subjects, or a member collides with a claim.</exception>
    public static JsonObject ToClaims(VerifiableCredential credential, JwtSigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= JwtSigningOptions.None;
        if (credential.Version != DataModelVersion.V1_1)
        {
            throw new ArgumentException("The VC-JWT encoding is for VCDM 1.1 credentials; secure a 2.0 credential with VcJoseCose.", nameof(credential));
        }

        if (credential.Subjects.Count != 1)
        {
            throw new ArgumentException("A VC-JWT cannot carry several credential subjects.", nameof(credential));
        }

        var input = credential.ToJsonObject();
        var vc = new JsonObject
        {
            ["@context"] = Take(input, "@context"),
            ["type"] = JwtClaimMapping.Union(Take(input, "type")),
        };

        Take(input, "credentialSubject");
        var subject = CredentialJson.ToObject(credential.Subjects[0].Json);
        var sub = credential.Subjects[0].Id;
        subject.Remove("id");
        vc["credentialSubject"] = subject;
        foreach (var member in AdditionalMembers)
        {
            if (Take(input, member) is { } value)
            {
                vc[member] = value;
            }
        }

        var issuer = Take(input, "issuer");
        if (issuer is JsonObject issuerObject)
        {
            // did-jwt-vc keeps the issuer's other members (name…) beside vc, where normalizeCredential finds them again.
            issuerObject.Remove("id");
            if (issuerObject.Count > 0)
            {
                input["issuer"] = issuerObject;
            }
        }

        input.Remove("issuanceDate");
        input.Remove("expirationDate");
        input.Remove("id");

        var claims = new JsonObject();
        JwtClaimMapping.SetClaim(claims, "iss", credential.Issuer.Id);
        if (sub is not null)
        {
            JwtClaimMapping.SetClaim(claims, "sub", sub);
        }

        if (credential.Id is not null)
        {
            JwtClaimMapping.SetClaim(claims, "jti", credential.Id);
        }

        JwtClaimMapping.SetClaim(claims, "nbf", JwtClaimMapping.ToUnixSeconds(credential.IssuanceDate!.Value));
        if (credential.ExpirationDate is { } expiration)
        {
            JwtClaimMapping.SetClaim(claims, "exp", JwtClaimMapping.ToUnixSeconds(expiration));
        }

        AddTimes(claims, options, credential.ExpirationDate is null);
        claims["vc"] = vc;
        foreach (var (name, value) in input.ToList())
        {
            input.Remove(name);
            JwtClaimMapping.SetClaim(claims, name, value);
        }

        return claims;
    }

    /// <summary>Signs a VCDM 1.1 credential as a VC-JWT (header <c>typ</c> <c>JWT</c>, optional <c>kid</c>).</summary>
    /// <exception cref="ArgumentException">See <see cref="ToClaims"/>; or the key does not fit the algorithm.</exception>
    public static string SignCredential(VerifiableCredential credential, PrivateKey key, SignatureAlgorithm algorithm, JwtSigningOptions? options = null)
    {
        var claims = ToClaims(credential, options);
        return JwsSigner.Sign(Header(options), CredentialJson.SerializeToUtf8(claims), key, algorithm);
    }

    /// <summary>Signs a VCDM 1.1 credential as a VC-JWT with a key that <paramref name="signer"/> holds.</summary>
    /// <exception cref="ArgumentException">See <see cref="ToClaims(VerifiableCredential, JwtSigningOptions?)"/>.</exception>
    public static ValueTask<string> SignCredentialAsync(VerifiableCredential credential, ISigner signer, JwtSigningOptions? options = null, CancellationToken cancellationToken = default)
    {
        var claims = ToClaims(credential, options);
        return JwsSigner.SignAsync(Header(options), CredentialJson.SerializeToUtf8(claims), signer, cancellationToken);
    }

    /// <summary>
    /// The JWT claims of a VCDM 1.1 presentation, as did-jwt-vc's <c>transformPresentationInput</c> plus
    /// <c>createVerifiablePresentationJwt</c> make them: <c>iss</c> = holder, <c>aud</c>, <c>nonce</c>, and <c>vp</c>
    /// with <c>@context</c>, <c>type</c> and the credentials (objects carrying <c>proof.jwt</c> collapse to that JWT).
    /// </summary>
    /// <exception cref="ArgumentException">The presentation is not VCDM 1.1, has no holder, or a member collides with a claim.</exception>
    public static JsonObject ToClaims(VerifiablePresentation presentation, JwtSigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        options ??= JwtSigningOptions.None;
        if (presentation.Version != DataModelVersion.V1_1)
        {
            throw new ArgumentException("The VP-JWT encoding is for VCDM 1.1 presentations; secure a 2.0 presentation with VcJoseCose.", nameof(presentation));
        }

        if (presentation.Holder is null)
        {
            throw new ArgumentException("A VP-JWT needs a holder: it becomes iss, whose key signs.", nameof(presentation));
        }

        var input = presentation.ToJsonObject();
        var vp = new JsonObject
        {
            ["@context"] = Take(input, "@context"),
            ["type"] = JwtClaimMapping.Union(Take(input, "type")),
        };
        Take(input, "verifiableCredential");
        if (presentation.Credentials.Count > 0)
        {
            var credentials = new JsonArray();
            foreach (var credential in presentation.Credentials)
            {
                credentials.Add(credential.Kind == PresentedCredentialKind.Jwt ? JsonValue.Create(credential.Token) : JsonNode.Parse(CredentialJson.Serialize(credential.Json)));
            }

            vp["verifiableCredential"] = credentials;
        }

        input.Remove("id");
        // A holder object with more than an id stays whole beside vp (did-jwt-vc leaves it untouched); iss carries the id.
        if (Take(input, "holder") is JsonObject { Count: > 1 } holderObject)
        {
            input["holder"] = holderObject;
        }

        var verifier = Take(input, "verifier");
        var claims = new JsonObject();
        JwtClaimMapping.SetClaim(claims, "iss", presentation.Holder.Id);
        if (presentation.Id is not null)
        {
            JwtClaimMapping.SetClaim(claims, "jti", presentation.Id);
        }

        var audience = JwtClaimMapping.Union(verifier, new JsonArray([.. options.Audience.Select(static a => JsonValue.Create(a))]));
        if (audience.Count > 0)
        {
            claims["aud"] = audience.Count == 1 ? audience[0]!.DeepClone() : audience;
        }

        if (options.Nonce is not null)
        {
            claims["nonce"] = options.Nonce;
        }

        AddTimes(claims, options, expiresAllowed: true);
        claims["vp"] = vp;
        foreach (var (name, value) in input.ToList())
        {
            input.Remove(name);
            JwtClaimMapping.SetClaim(claims, name, value);
        }

        return claims;
    }

    /// <summary>Signs a VCDM 1.1 presentation as a VP-JWT.</summary>
    /// <exception cref="ArgumentException">See <see cref="ToClaims(VerifiablePresentation, JwtSigningOptions?)"/>; or the key does not fit the algorithm.</exception>
    public static string SignPresentation(VerifiablePresentation presentation, PrivateKey key, SignatureAlgorithm algorithm, JwtSigningOptions? options = null)
    {
        var claims = ToClaims(presentation, options);
        return JwsSigner.Sign(Header(options), CredentialJson.SerializeToUtf8(claims), key, algorithm);
    }

    /// <summary>
    /// Decodes a VC-JWT: parses the JWS, re-creates the credential from the claims (did-jwt-vc's
    /// <c>normalizeCredential</c>, without its <c>proof</c> member) and validates it. Never throws on bad input.
    /// </summary>
    public static bool TryDecodeCredential(string? token, JwsParseOptions? options, [NotNullWhen(true)] out DecodedCredential? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        return JwsCompact.TryParse(token, options, out var jws, out error) && TryDecodeCredentialCore(token!, jws, out decoded, out error);
    }

    /// <summary>Decodes a VP-JWT (did-jwt-vc's <c>normalizePresentation</c>; credentials stay as written). Never throws on bad input.</summary>
    public static bool TryDecodePresentation(string? token, JwsParseOptions? options, [NotNullWhen(true)] out DecodedPresentation? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        return JwsCompact.TryParse(token, options, out var jws, out error) && TryDecodePresentationCore(token!, jws, out decoded, out error);
    }

    /// <summary>
    /// The credential did-jwt-vc's <c>normalizeCredential</c> re-creates from VC-JWT claims (without <c>proof</c>), with
    /// disagreeing duplicates refused and leftover <c>vc</c> members lifted. The result is not yet validated.
    /// </summary>
    public static bool TryNormalizeCredential(JsonElement payload, [NotNullWhen(true)] out JsonObject? credential, [NotNullWhen(false)] out VerificationError? error)
    {
        credential = TryNormalizeCredentialElement(payload, out var element, out error) ? CredentialJson.ToObject(element) : null;
        return credential is not null;
    }

    private static bool TryNormalizeCredentialElement(JsonElement payload, out JsonElement credential, [NotNullWhen(false)] out VerificationError? error)
    {
        credential = default;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            error = CredentialJson.Malformed("The JWT payload is not an object.");
            return false;
        }

        if (!payload.TryGetProperty("vc", out var vc) || vc.ValueKind != JsonValueKind.Object)
        {
            error = CredentialJson.Malformed("The JWT has no vc claim object (VCDM 1.1 JWT encoding).");
            return false;
        }

        if (payload.TryGetProperty("vp", out _))
        {
            error = CredentialJson.Malformed("A VC-JWT has a vp claim.");
            return false;
        }

        var p = JsonDraft.From(payload);
        p.Remove("vc");
        if (!JwtClaimMapping.TryLiftLeftovers(p, vc, CredentialClaimMembers, out error) ||
            !JwtClaimMapping.TryGetOptionalString(p, "iss", out var iss, out error) ||
            !JwtClaimMapping.TryGetOptionalString(p, "sub", out var sub, out error) ||
            !JwtClaimMapping.TryGetOptionalString(p, "jti", out var jti, out error) ||
            !JwtTimes.TryReadOne(payload, "nbf", out var nbf, out error) ||
            !JwtTimes.TryReadOne(payload, "iat", out var iat, out error) ||
            !JwtTimes.TryReadOne(payload, "exp", out var exp, out error))
        {
            return false;
        }

        // credentialSubject = { ...payload.credentialSubject, ...vc.credentialSubject }; a JWT has one subject.
        var topSubject = p.TryGetNonNull("credentialSubject", out var top) ? top.Element : null;
        var vcSubject = NonNullMember(vc, "credentialSubject");
        if (topSubject?.ValueKind == JsonValueKind.Array || vcSubject?.ValueKind == JsonValueKind.Array)
        {
            error = CredentialJson.Malformed("A VC-JWT cannot carry several credential subjects.");
            return false;
        }

        if (topSubject is { ValueKind: not JsonValueKind.Object } || vcSubject is { ValueKind: not JsonValueKind.Object })
        {
            error = CredentialJson.Malformed("The credentialSubject of the VC-JWT is not an object.");
            return false;
        }

        var subject = new JsonDraft();
        foreach (var source in (ReadOnlySpan<JsonElement?>)[topSubject, vcSubject])
        {
            foreach (var member in source?.EnumerateObject() ?? default)
            {
                subject.Set(member.Name, member.Value);
            }
        }

        var topSubjectId = topSubject is { } t ? NonNullMember(t, "id") : null;
        if (sub is not null)
        {
            if (topSubjectId is null)
            {
                if (subject.TryGetNonNull("id", out var subjectId) && !subjectId.EqualsString(sub))
                {
                    error = CredentialJson.Malformed("The JWT claim sub and credentialSubject.id differ.");
                    return false;
                }

                subject.Set("id", sub);
                p.Remove("sub");
            }
            else if (!JsonDraftValue.FromElement(topSubjectId.Value).EqualsString(sub))
            {
                error = CredentialJson.Malformed("The JWT claim sub and credentialSubject.id differ.");
                return false;
            }
        }

        p.Set("credentialSubject", subject);

        // issuer = { id: iss, ...payload.issuer } when issuer is absent or an object; a string issuer stays as it is.
        var issuer = p.TryGetNonNull("issuer", out var issuerValue) ? issuerValue.Element : null;
        if (issuer is null or { ValueKind: JsonValueKind.Object })
        {
            var issuerObject = new JsonDraft();
            if (iss is not null)
            {
                issuerObject.Set("id", iss);
            }

            var hasId = false;
            foreach (var member in issuer?.EnumerateObject() ?? default)
            {
                if (member.NameEquals("id"))
                {
                    hasId = true;
                    if (iss is not null && !JsonDraftValue.FromElement(member.Value).EqualsString(iss))
                    {
                        error = CredentialJson.Malformed("The JWT claim iss and issuer.id differ.");
                        return false;
                    }
                }

                issuerObject.Set(member.Name, member.Value);
            }

            if (!hasId)
            {
                p.Remove("iss");
            }

            p.Set("issuer", issuerObject);
        }
        else if (iss is not null && !issuerValue.EqualsString(iss))
        {
            error = CredentialJson.Malformed("The JWT claim iss and issuer differ.");
            return false;
        }

        if (!TryMapId(p, jti, out error))
        {
            return false;
        }

        p.Set("type", JsonDraftValue.Union(p.Take("type"), MemberOrAbsent(vc, "type")));
        foreach (var member in AdditionalMembers)
        {
            if (NonNullMember(vc, member) is not { } value)
            {
                continue;
            }

            if (p.TryGetNonNull(member, out var existing) && !existing.EqualsElement(value))
            {
                error = CredentialJson.Malformed("A member of the vc claim is repeated beside it with another value.");
                return false;
            }

            p.Set(member, value);
        }

        p.Set("@context", JsonDraftValue.Union(p.Take("context"), p.Take("@context"), MemberOrAbsent(vc, "@context")));
        return TryMapDates(p, nbf, iat, exp, out error) &&
            CredentialJson.TryToElement(p.Reordered(CredentialOrder), "credential", out credential, out error);
    }

    internal static bool TryDecodeCredentialCore(string token, JwsCompact jws, [NotNullWhen(true)] out DecodedCredential? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        var payload = jws.Payload!.Value;
        if (!CheckType(jws, out error) ||
            !TryNormalizeCredentialElement(payload, out var normalized, out error) ||
            !VerifiableCredential.TryCreate(normalized, out var credential, out error) ||
            !JwtTimes.TryRead(payload, out var times, out error))
        {
            return false;
        }

        if (credential.Version != DataModelVersion.V1_1)
        {
            error = CredentialJson.Malformed("A VC-JWT carries a VCDM 1.1 credential; VCDM 2.0 is secured with VC-JOSE-COSE (no vc claim).");
            return false;
        }

        if (!payload.TryGetProperty("iss", out _))
        {
            error = CredentialJson.Malformed("The VC-JWT has no iss claim.");
            return false;
        }

        decoded = new DecodedCredential(CredentialFormat.VcJwt, token, jws, credential, times);
        return true;
    }

    internal static bool TryDecodePresentationCore(string token, JwsCompact jws, [NotNullWhen(true)] out DecodedPresentation? decoded, [NotNullWhen(false)] out VerificationError? error)
    {
        decoded = null;
        var payload = jws.Payload!.Value;
        if (!CheckType(jws, out error) ||
            !TryNormalizePresentation(payload, out var normalized, out error) ||
            !VerifiablePresentation.TryCreate(normalized, out var presentation, out error) ||
            !JwtTimes.TryRead(payload, out var times, out error) ||
            !JwtClaimMapping.TryGetAudience(payload, out var audience, out error) ||
            !JwtClaimMapping.TryGetNonce(payload, out var nonce, out error))
        {
            return false;
        }

        if (presentation.Version != DataModelVersion.V1_1)
        {
            error = CredentialJson.Malformed("A VP-JWT carries a VCDM 1.1 presentation; VCDM 2.0 is secured with VC-JOSE-COSE (no vp claim).");
            return false;
        }

        if (CredentialJson.GetOptionalString(payload, "iss") is not { } iss || presentation.Holder is null)
        {
            error = CredentialJson.Malformed("The VP-JWT has no iss claim (the holder).");
            return false;
        }

        decoded = new DecodedPresentation(CredentialFormat.VcJwt, token, jws, presentation, iss, audience, nonce, times);
        return true;
    }

    private static bool TryNormalizePresentation(JsonElement payload, out JsonElement presentation, [NotNullWhen(false)] out VerificationError? error)
    {
        presentation = default;
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("vp", out var vp) || vp.ValueKind != JsonValueKind.Object)
        {
            error = CredentialJson.Malformed("The JWT has no vp claim object (VCDM 1.1 JWT encoding).");
            return false;
        }

        if (payload.TryGetProperty("vc", out _))
        {
            error = CredentialJson.Malformed("A VP-JWT has a vc claim.");
            return false;
        }

        var p = JsonDraft.From(payload);
        p.Remove("vp");
        if (!JwtClaimMapping.TryLiftLeftovers(p, vp, PresentationClaimMembers, out error) ||
            !JwtClaimMapping.TryGetOptionalString(p, "iss", out var iss, out error) ||
            !JwtClaimMapping.TryGetOptionalString(p, "jti", out var jti, out error) ||
            !JwtClaimMapping.TryGetAudience(payload, out _, out error) ||
            !JwtTimes.TryReadOne(payload, "nbf", out var nbf, out error) ||
            !JwtTimes.TryReadOne(payload, "iat", out var iat, out error) ||
            !JwtTimes.TryReadOne(payload, "exp", out var exp, out error))
        {
            return false;
        }

        var credentials = JsonDraftValue.Union(p.Take("verifiableCredential"), MemberOrAbsent(vp, "verifiableCredential"));
        if (credentials.Count > 0)
        {
            p.Set("verifiableCredential", credentials);
        }

        if (iss is not null)
        {
            var holder = p.TryGetNonNull("holder", out var holderValue) ? holderValue.Element : null;
            if (holder is null)
            {
                p.Set("holder", iss);
                p.Remove("iss");
            }
            else if (holder is { ValueKind: JsonValueKind.Object } h && !h.TryGetProperty("id", out _))
            {
                var withId = JsonDraft.From(h);
                withId.Insert(0, "id", iss);
                p.Set("holder", withId);
                p.Remove("iss");
            }
            else if (!JsonDraftValue.FromElement(holder is { ValueKind: JsonValueKind.Object } o ? o.GetProperty("id") : holder.Value).EqualsString(iss))
            {
                error = CredentialJson.Malformed("The JWT claim iss and the presentation's holder differ.");
                return false;
            }
        }

        if (p.TryGetNonNull("aud", out var aud))
        {
            p.Remove("aud");
            p.Set("verifier", JsonDraftValue.Union(p.Take("verifier"), aud));
        }

        if (!TryMapId(p, jti, out error))
        {
            return false;
        }

        p.Set("type", JsonDraftValue.Union(p.Take("type"), MemberOrAbsent(vp, "type")));
        p.Set("@context", JsonDraftValue.Union(p.Take("context"), p.Take("@context"), MemberOrAbsent(vp, "@context")));
        return TryMapDates(p, nbf, iat, exp, out error) &&
            CredentialJson.TryToElement(p.Reordered(PresentationOrder), "presentation", out presentation, out error);
    }

    private static bool TryMapId(JsonDraft p, string? jti, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;
        if (jti is null)
        {
            return true;
        }

        if (!p.TryGetNonNull("id", out var id))
        {
            p.Set("id", jti);
            p.Remove("jti");
        }
        else if (!id.EqualsString(jti))
        {
            error = CredentialJson.Malformed("The JWT claim jti and the document's id differ.");
            return false;
        }

        return true;
    }

    private static bool TryMapDates(JsonDraft p, long? nbf, long? iat, long? exp, [NotNullWhen(false)] out VerificationError? error)
    {
        // JavaScript truthiness: did-jwt-vc maps nbf (or else iat) only when non-zero.
        var start = nbf is > 0 ? nbf : iat is > 0 ? iat : null;
        if (!TryMapDate(p, "issuanceDate", start, nbf is > 0 ? "nbf" : "iat", out error))
        {
            return false;
        }

        return TryMapDate(p, "expirationDate", exp is > 0 ? exp : null, "exp", out error);
    }

    private static bool TryMapDate(JsonDraft p, string member, long? seconds, string claim, [NotNullWhen(false)] out VerificationError? error)
    {
        error = null;
        if (seconds is not { } value)
        {
            return true;
        }

        if (!p.TryGetNonNull(member, out var existing))
        {
            p.Set(member, CredentialJson.FormatJavaScriptIso(value));
            p.Remove(claim);
            return true;
        }

        // Both present (did-jwt-vc keeps the document's value): they must name the same second.
        if (existing.Element is { ValueKind: JsonValueKind.String } date &&
            CredentialJson.TryParseDateTimeStamp(date.GetString(), out var parsed) &&
            JwtClaimMapping.ToUnixSeconds(parsed) == value)
        {
            return true;
        }

        error = CredentialJson.Malformed($"The JWT claim {claim} and the document's {member} differ.");
        return false;
    }

    /// <summary>The member's value; absent (the default) when the object has none.</summary>
    private static JsonDraftValue MemberOrAbsent(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value : default(JsonDraftValue);

    /// <summary>The member's value unless it is absent or JSON null (what <c>JsonObject</c>'s indexer treats alike).</summary>
    private static JsonElement? NonNullMember(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool CheckType(JwsCompact jws, [NotNullWhen(false)] out VerificationError? error)
    {
        // VCDM 1.1 §6.3.1: typ, if present, MUST be JWT. A vc+jwt/vp+jwt typ announces VC-JOSE-COSE, where vc/vp must not appear.
        error = null;
        if (jws.Header.Type is { } type && !string.Equals(type, JwtType, StringComparison.OrdinalIgnoreCase))
        {
            error = CredentialJson.Malformed("The header typ of a VCDM 1.1 JWT, when present, must be JWT.");
            return false;
        }

        return true;
    }

    private static void AddTimes(JsonObject claims, JwtSigningOptions options, bool expiresAllowed)
    {
        if (options.IssuedAt is { } issuedAt)
        {
            JwtClaimMapping.SetClaim(claims, "iat", JwtClaimMapping.ToUnixSeconds(issuedAt));
        }

        if (options.ExpiresAt is { } expiresAt)
        {
            // For a credential exp IS expirationDate: a different token lifetime would contradict the document.
            if (!expiresAllowed && claims["exp"]?.GetValue<long>() != JwtClaimMapping.ToUnixSeconds(expiresAt))
            {
                throw new ArgumentException("A VC-JWT's exp is the credential's expirationDate; set that instead.", nameof(options));
            }

            JwtClaimMapping.SetClaim(claims, "exp", JwtClaimMapping.ToUnixSeconds(expiresAt));
        }
    }

    private static JwsHeaderParameters Header(JwtSigningOptions? options) =>
        new() { Type = JwtType, KeyId = options?.KeyId };

    private static JsonNode? Take(JsonObject source, string name)
    {
        if (!source.TryGetPropertyValue(name, out var value))
        {
            return null;
        }

        source.Remove(name);
        return value;
    }
}
