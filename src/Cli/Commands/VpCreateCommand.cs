using System.CommandLine;
using Identity.Shared.Credentials;

namespace Identity.Cli.Commands;

/// <summary>
/// <c>identity vp create --key KEY.jwk [--credential FILE...] (--audience AUD --nonce NONCE | --challenge URL) [--holder DID]</c>:
/// prints a presentation of the credentials, signed by the holder and bound to the verifier's audience and nonce (given,
/// or fetched from a verifier's challenge endpoint). With no credential it is a proof of key possession, as an issuer
/// asks for before it issues to a DID (a VCDM 1.1 VP-JWT without <c>verifiableCredential</c>). VC-JWT
/// credentials (VCDM 1.1) travel in a VP-JWT as did-jwt-vc makes it; <c>vc+jwt</c> credentials (VCDM 2.0) in a
/// <c>vp+jwt</c> presentation as EnvelopedVerifiableCredential. The two are not mixed in one presentation.
/// </summary>
internal static class VpCreateCommand
{
    /// <summary>Presentations carry a handful of credentials; a larger number is a mistake, not a wallet.</summary>
    private const int MaxCredentials = 64;

    public static Command Create(CliConsole console)
    {
        var key = new Option<string>("--key") { Description = "The holder's private key (a JWK).", HelpName = "KEY.jwk", Required = true };
        var credentials = new Option<string[]>("--credential")
        {
            Description = "Files each holding one credential token (repeat the option or list several).",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var audience = new Option<string>("--audience") { Description = "The verifier the presentation is for (aud).", HelpName = "AUD" };
        var nonce = new Option<string>("--nonce") { Description = "The verifier's challenge (nonce).", HelpName = "NONCE" };
        var challengeUrl = new Option<string>("--challenge")
        {
            Description = "Fetch audience and nonce from a verifier's challenge endpoint (GET, answers { nonce, audience, expiresAt }); instead of --audience/--nonce.",
            HelpName = "URL",
        };
        var holder = new Option<string>("--holder") { Description = "The holder DID (default: did:ethr of a secp256k1 key on mainnet, did:key of an Ed25519 key).", HelpName = "DID" };

        var command = new Command("create", "Create a presentation of credentials; prints the signed token.") { key, credentials, audience, nonce, challengeUrl, holder };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var files = parseResult.GetValue(credentials) ?? [];
            if (files.Length > MaxCredentials)
            {
                throw CliException.BadInput($"--credential takes at most {MaxCredentials} files");
            }

            var url = parseResult.GetValue(challengeUrl);
            var aud = parseResult.GetValue(audience);
            var challenge = parseResult.GetValue(nonce);
            if (url is not null)
            {
                if (aud is not null || challenge is not null)
                {
                    throw CliException.BadInput("give either --challenge or --audience with --nonce, not both");
                }

                var fetched = await PresentationChallenge.FetchAsync(url, cancellationToken);
                (aud, challenge) = (fetched.Audience, fetched.Nonce);
            }
            else if (string.IsNullOrEmpty(aud) || string.IsNullOrEmpty(challenge))
            {
                throw CliException.BadInput("--audience and --nonce are required (and must not be empty) unless --challenge is given");
            }

            var tokens = new List<string>(files.Length);
            CredentialFormat? format = null;
            foreach (var file in files)
            {
                var token = await TokenFile.ReadAsync(file, "credential", cancellationToken);

                // Decoded only to choose the presentation's format: the verifier checks signatures, not the wallet.
                if (!CredentialJwt.TryDecodeCredential(token, out var decoded, out var error))
                {
                    throw CliException.BadInput($"credential file {file}: not a credential token ({error.Code.Value}: {error.Message})");
                }

                if (format is not null && format != decoded.Format)
                {
                    throw CliException.BadInput("the credentials mix vc1-jwt and vc2-jwt; present each kind in its own presentation");
                }

                format = decoded.Format;
                tokens.Add(token);
            }

            using var privateKey = KeyFile.Read(parseResult.GetValue(key)!);
            var signer = SigningIdentity.For(privateKey, parseResult.GetValue(holder), "--holder");
            var version = format == CredentialFormat.VcJoseCose ? DataModelVersion.V2_0 : DataModelVersion.V1_1;
            var presentation = VerifiablePresentation.Create(version, signer.Did, tokens);
            var options = new JwtSigningOptions
            {
                KeyId = signer.KeyId,
                Audience = [aud],
                Nonce = challenge,
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()),
            };
            var signed = version == DataModelVersion.V2_0
                ? VcJoseCose.SignPresentation(presentation, privateKey, signer.Algorithm, options)
                : VcJwt.SignPresentation(presentation, privateKey, signer.Algorithm, options);
            await console.WriteTokenAsync(signed);
            return ExitCodes.Success;
        });
        return command;
    }
}
