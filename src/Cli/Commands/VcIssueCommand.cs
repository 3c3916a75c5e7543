using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Identity.Shared.Credentials;
using Identity.Shared.Dids;
using Identity.Shared.StatusLists;

namespace Identity.Cli.Commands;

/// <summary>
/// <c>identity vc issue --key KEY.jwk --subject DID --type TYPE --claims CLAIMS.json [--issuer DID]
/// [--format vc1-jwt|vc2-jwt] [--valid-until ISO8601] [--status-list URL#INDEX]</c>: prints the signed credential.
/// <c>vc1-jwt</c> is a VCDM 1.1 VC-JWT as did-jwt-vc writes it; <c>vc2-jwt</c> a VCDM 2.0 credential secured with
/// VC-JOSE-COSE (<c>typ</c> <c>vc+jwt</c>).
/// </summary>
internal static class VcIssueCommand
{
    public const string Vc1Jwt = "vc1-jwt";
    public const string Vc2Jwt = "vc2-jwt";

    public static Command Create(CliConsole console)
    {
        var key = new Option<string>("--key") { Description = "The issuer's private key (a JWK).", HelpName = "KEY.jwk", Required = true };
        var subject = new Option<string>("--subject") { Description = "The subject's DID (credentialSubject.id).", HelpName = "DID", Required = true };
        var type = new Option<string>("--type") { Description = "The credential type, beside VerifiableCredential (e.g. HealthInsuranceCredential).", HelpName = "TYPE", Required = true };
        var claims = new Option<string>("--claims") { Description = "A JSON object file: the claims about the subject.", HelpName = "CLAIMS.json", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The issuer DID (default: did:ethr of a secp256k1 key on mainnet, did:key of an Ed25519 key).", HelpName = "DID" };
        var format = new Option<string>("--format") { Description = "vc1-jwt (VCDM 1.1 VC-JWT) or vc2-jwt (VCDM 2.0, VC-JOSE-COSE).", DefaultValueFactory = _ => Vc1Jwt };
        format.AcceptOnlyFromAmong(Vc1Jwt, Vc2Jwt);
        var validUntil = new Option<string>("--valid-until") { Description = "End of validity, an ISO 8601 date-time with a time zone (e.g. 2030-01-01T00:00:00Z).", HelpName = "ISO8601" };
        var statusList = new Option<string>("--status-list") { Description = "Revocation entry: the status list credential's URL and this credential's index in it.", HelpName = "URL#INDEX" };

        var command = new Command("issue", "Issue a credential; prints the signed token.") { key, subject, type, claims, issuer, format, validUntil, statusList };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var version = parseResult.GetValue(format) == Vc2Jwt ? DataModelVersion.V2_0 : DataModelVersion.V1_1;
            var subjectDid = parseResult.GetValue(subject)!;
            if (!Did.TryParse(subjectDid, out _))
            {
                throw CliException.BadInput($"--subject '{subjectDid}' is not a DID");
            }

            var credentialType = parseResult.GetValue(type)!;
            if (credentialType.Length == 0 || credentialType.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw CliException.BadInput("--type must be a type name without spaces (e.g. HealthInsuranceCredential)");
            }

            var now = TruncateToSeconds(TimeProvider.System.GetUtcNow());
            var until = ParseValidUntil(parseResult.GetValue(validUntil), now);
            var status = ParseStatusList(parseResult.GetValue(statusList));
            var subjectClaims = ClaimsFile.Read(parseResult.GetValue(claims)!);
            using var privateKey = KeyFile.Read(parseResult.GetValue(key)!);
            var signer = SigningIdentity.For(privateKey, parseResult.GetValue(issuer), "--issuer");

            var credentialSubject = new JsonObject { ["id"] = subjectDid };
            foreach (var (name, value) in subjectClaims.ToList())
            {
                subjectClaims.Remove(name);
                credentialSubject[name] = value;
            }

            var document = new JsonObject
            {
                ["@context"] = version == DataModelVersion.V2_0
                    ? new JsonArray(CredentialContexts.V2)
                    : status is null ? new JsonArray(CredentialContexts.V1) : new JsonArray(CredentialContexts.V1, CredentialContexts.BitstringStatusList),
                ["type"] = credentialType == CredentialTypes.VerifiableCredential
                    ? new JsonArray(CredentialTypes.VerifiableCredential)
                    : new JsonArray(CredentialTypes.VerifiableCredential, credentialType),
                ["issuer"] = signer.Did,
                [version == DataModelVersion.V2_0 ? "validFrom" : "issuanceDate"] = VerifiableCredential.FormatDate(now),
            };
            if (until is { } end)
            {
                document[version == DataModelVersion.V2_0 ? "validUntil" : "expirationDate"] = VerifiableCredential.FormatDate(end);
            }

            document["credentialSubject"] = credentialSubject;
            if (status is not null)
            {
                document["credentialStatus"] = status.ToJsonObject();
            }

            if (!VerifiableCredential.TryCreate(document, out var credential, out var error))
            {
                throw CliException.BadInput($"the credential would not be valid: {error.Message}");
            }

            string token;
            try
            {
                var options = new JwtSigningOptions { KeyId = signer.KeyId };
                token = version == DataModelVersion.V2_0
                    ? VcJoseCose.SignCredential(credential, privateKey, signer.Algorithm, options)
                    : VcJwt.SignCredential(credential, privateKey, signer.Algorithm, options);
            }
            catch (ArgumentException e)
            {
                // A claim named like a JWT claim the mapping owns (iss, nbf…), for example.
                throw CliException.BadInput($"cannot encode the credential: {e.Message}");
            }

            await console.WriteTokenAsync(token);
            return ExitCodes.Success;
        });
        return command;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private static DateTimeOffset? ParseValidUntil(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        // A time zone is required: without one the instant depends on where the credential is read.
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ||
            !(text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-')))
        {
            throw CliException.BadInput($"--valid-until '{text}' is not an ISO 8601 date-time with a time zone (e.g. 2030-01-01T00:00:00Z)");
        }

        until = TruncateToSeconds(until);
        return until > now
            ? until
            : throw CliException.BadInput($"--valid-until {text} is not after the issuance time {VerifiableCredential.FormatDate(now)}; the credential would never be valid");
    }

    private static BitstringStatusListEntry? ParseStatusList(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var hash = text.LastIndexOf('#');
        var url = hash > 0 ? text[..hash] : string.Empty;
        var index = hash > 0 ? text[(hash + 1)..] : string.Empty;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var listUrl) || listUrl.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(listUrl.Fragment) ||
            index.Length is 0 or > 15 || !index.All(char.IsAsciiDigit) || (index.Length > 1 && index[0] == '0'))
        {
            throw CliException.BadInput($"--status-list '{text}' is not URL#INDEX (an http(s) URL of the status list credential, # and a non-negative integer)");
        }

        return new BitstringStatusListEntry
        {
            // The entry's own id is the list URL plus the index, as in the Bitstring Status List examples.
            Id = text,
            StatusPurpose = StatusPurposes.Revocation,
            StatusListIndex = long.Parse(index, NumberStyles.None, CultureInfo.InvariantCulture),
            StatusListCredential = url,
        };
    }
}
