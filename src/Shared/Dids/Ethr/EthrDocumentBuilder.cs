using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Identity.Shared.Crypto;
using Identity.Shared.Encoding;
using Identity.Shared.Ethereum;

namespace Identity.Shared.Dids.Ethr;

/// <summary>
/// Replays an identity's ERC-1056 history into its DID document, exactly as ethr-did-resolver 11 (npm) does:
/// the same method ids (<c>#delegate-N</c>, <c>#service-N</c> counted over additions and revocations alike), the
/// same key properties per encoding hint, the same member order, and deactivation on a zero owner. Pure: all chain
/// reads happen before, so that parity with the reference can be tested without a node.
/// </summary>
internal static partial class EthrDocumentBuilder
{
    private const string RecoveryMethod = "EcdsaSecp256k1RecoveryMethod2020";
    private const string Secp256k1Key2019 = "EcdsaSecp256k1VerificationKey2019";

    // ethr-did-resolver 11's legacyAttrTypes and legacyAlgoMap.
    private static readonly Dictionary<string, string> PurposeTypeSuffix = new(StringComparer.Ordinal)
    {
        ["sigAuth"] = "SignatureAuthentication2018",
        ["veriKey"] = "VerificationKey2018",
        ["enc"] = "KeyAgreementKey2019",
    };

    private static readonly Dictionary<string, string> LegacyTypeMap = new(StringComparer.Ordinal)
    {
        ["Secp256k1VerificationKey2018"] = Secp256k1Key2019,
        ["Ed25519SignatureAuthentication2018"] = "Ed25519VerificationKey2018",
        ["Secp256k1SignatureAuthentication2018"] = Secp256k1Key2019,
        ["RSAVerificationKey2018"] = "RSAVerificationKey2018",
        ["Ed25519VerificationKey2018"] = "Ed25519VerificationKey2018",
        ["X25519KeyAgreementKey2019"] = "X25519KeyAgreementKey2019",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Builds the document of <paramref name="did"/> from <paramref name="history"/> (oldest first).
    /// <paramref name="versionBlock"/> limits the replay to blocks up to it (null: latest);
    /// <paramref name="now"/> is the Unix time against which validity is judged.
    /// </summary>
    public static EthrDocumentState Build(
        string did,
        EthereumAddress address,
        string? controllerKeyHex,
        BigInteger chainId,
        IReadOnlyList<RegistryEvent> history,
        ulong? versionBlock,
        BigInteger now)
    {
        var controller = address;
        ulong versionId = 0;
        ulong? nextVersionId = null;
        var deactivated = false;
        var delegateCount = 0;
        var serviceCount = 0;

        // The expiry of each entry the document holds; a cached copy is stale once the earliest has passed.
        var expiries = new Dictionary<string, BigInteger>(StringComparer.Ordinal);

        // JavaScript objects keyed by event identity: re-adding an existing key keeps its position, deleting and
        // re-adding moves it to the end. OrderedDictionary has the same semantics.
        var authentication = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        var keyAgreement = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        var signing = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        var methods = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var services = new OrderedDictionary<string, JsonObject>(StringComparer.Ordinal);

        foreach (var change in history)
        {
            // ethr-did-resolver drops events whose bytes32 is not UTF-8 (non-DID uses of the registry) before replay.
            if (change is DidDelegateChanged { DelegateType: null } or DidAttributeChanged { Name: null })
            {
                continue;
            }

            if (versionBlock is { } limit && change.BlockNumber > limit)
            {
                if (nextVersionId is null || change.BlockNumber < nextVersionId)
                {
                    nextVersionId = change.BlockNumber;
                }

                continue;
            }

            versionId = Math.Max(versionId, change.BlockNumber);

            if (change is DidOwnerChanged ownerChange)
            {
                controller = ownerChange.Owner;
                if (ownerChange.Owner.IsZero)
                {
                    deactivated = true;
                    break;
                }

                continue;
            }

            var (validTo, eventKey) = change switch
            {
                // The lower-case form: the same identity as ethr-did-resolver's key, without an EIP-55 hash per event.
                DidDelegateChanged d => (d.ValidTo, $"DIDDelegateChanged-{d.DelegateType}-{d.Delegate.ToLowerHex()}"),
                DidAttributeChanged a => (a.ValidTo, $"DIDAttributeChanged-{a.Name}-{Hex.EncodePrefixed(a.Value.Span)}"),
                _ => throw new InvalidOperationException("Unknown change kind."),
            };

            if (validTo != BigInteger.Zero && validTo >= now)
            {
                var added = change switch
                {
                    DidDelegateChanged d => AddDelegate(d, did, chainId, eventKey, ref delegateCount, methods, authentication, signing),
                    DidAttributeChanged a => AddAttribute(a, did, eventKey, ref delegateCount, ref serviceCount, methods, services, authentication, signing, keyAgreement),
                    _ => false,
                };
                if (added)
                {
                    expiries[eventKey] = validTo;
                }

                continue;
            }

            // Expired or revoked: the entry with the same identity disappears, and the counters still advance.
            if (change is DidDelegateChanged || (change is DidAttributeChanged revoked && revoked.Name!.StartsWith("did/pub/", StringComparison.Ordinal)))
            {
                delegateCount++;
            }
            else if (change is DidAttributeChanged revokedService && revokedService.Name!.StartsWith("did/svc/", StringComparison.Ordinal))
            {
                serviceCount++;
            }

            authentication.Remove(eventKey);
            signing.Remove(eventKey);
            methods.Remove(eventKey);
            services.Remove(eventKey);
        }

        if (deactivated)
        {
            var empty = new JsonObject
            {
                ["id"] = did,
                ["verificationMethod"] = new JsonArray(),
                ["authentication"] = new JsonArray(),
                ["assertionMethod"] = new JsonArray(),
            };
            return new EthrDocumentState(empty, Deactivated: true, versionId, nextVersionId, EarliestExpiry: null);
        }

        // Only entries still shown count: a revoked entry's original expiry no longer changes the document. A revoked
        // keyAgreement reference stays (as in ethr-did-resolver) until its addition expires, so it still counts.
        BigInteger? earliestExpiry = null;
        foreach (var (key, expiry) in expiries)
        {
            if ((methods.ContainsKey(key) || services.ContainsKey(key) || keyAgreement.ContainsKey(key)) && (earliestExpiry is null || expiry < earliestExpiry))
            {
                earliestExpiry = expiry;
            }
        }

        var verificationMethods = new JsonArray
        {
            new JsonObject
            {
                ["id"] = $"{did}#controller",
                ["type"] = RecoveryMethod,
                ["controller"] = did,
                ["blockchainAccountId"] = $"eip155:{chainId.ToString(CultureInfo.InvariantCulture)}:{controller}",
            },
        };
        var authenticationRefs = new JsonArray { $"{did}#controller" };
        var assertionRefs = new JsonArray { $"{did}#controller" };
        if (controllerKeyHex is not null && controller == address)
        {
            verificationMethods.Add(new JsonObject
            {
                ["id"] = $"{did}#controllerKey",
                ["type"] = Secp256k1Key2019,
                ["controller"] = did,
                ["publicKeyHex"] = Strip0x(controllerKeyHex),
            });
            authenticationRefs.Add($"{did}#controllerKey");
            assertionRefs.Add($"{did}#controllerKey");
        }

        foreach (var method in methods.Values)
        {
            verificationMethods.Add(method);
        }

        foreach (var reference in authentication.Values)
        {
            authenticationRefs.Add(reference);
        }

        foreach (var reference in signing.Values)
        {
            assertionRefs.Add(reference);
        }

        var document = new JsonObject
        {
            ["id"] = did,
            ["verificationMethod"] = verificationMethods,
            ["authentication"] = authenticationRefs,
            ["assertionMethod"] = assertionRefs,
        };
        if (services.Count > 0)
        {
            document["service"] = new JsonArray([.. services.Values]);
        }

        if (keyAgreement.Count > 0)
        {
            document["keyAgreement"] = new JsonArray([.. keyAgreement.Values.Select(reference => (JsonNode)reference)]);
        }

        return new EthrDocumentState(document, Deactivated: false, versionId, nextVersionId, earliestExpiry);
    }

    private static bool AddDelegate(
        DidDelegateChanged change,
        string did,
        BigInteger chainId,
        string eventKey,
        ref int delegateCount,
        OrderedDictionary<string, JsonObject> methods,
        OrderedDictionary<string, string> authentication,
        OrderedDictionary<string, string> signing)
    {
        delegateCount++;
        if (change.DelegateType is not ("sigAuth" or "veriKey"))
        {
            return false;
        }

        var id = $"{did}#delegate-{delegateCount}";
        if (change.DelegateType == "sigAuth")
        {
            authentication[eventKey] = id;
        }

        methods[eventKey] = new JsonObject
        {
            ["id"] = id,
            ["type"] = RecoveryMethod,
            ["controller"] = did,
            ["blockchainAccountId"] = $"eip155:{chainId.ToString(CultureInfo.InvariantCulture)}:{change.Delegate}",
        };
        signing[eventKey] = id;
        return true;
    }

    private static bool AddAttribute(
        DidAttributeChanged change,
        string did,
        string eventKey,
        ref int delegateCount,
        ref int serviceCount,
        OrderedDictionary<string, JsonObject> methods,
        OrderedDictionary<string, JsonObject> services,
        OrderedDictionary<string, string> authentication,
        OrderedDictionary<string, string> signing,
        OrderedDictionary<string, string> keyAgreement)
    {
        var match = AttributeName().Match(change.Name!);
        if (!match.Success)
        {
            return false;
        }

        var algorithm = match.Groups[2].Value;
        var purpose = match.Groups[4].Success ? match.Groups[4].Value : null;
        var encoding = match.Groups[6].Success ? match.Groups[6].Value : null;

        if (match.Groups[1].Value == "svc")
        {
            serviceCount++;
            if (!TryDecodeUtf8(change.Value.Span, out var text))
            {
                return false;
            }

            services[eventKey] = new JsonObject
            {
                ["id"] = $"{did}#service-{serviceCount}",
                ["type"] = algorithm,
                ["serviceEndpoint"] = ParseEndpoint(text),
            };
            return true;
        }

        delegateCount++;
        var id = $"{did}#delegate-{delegateCount}";
        var legacyType = algorithm + (purpose is null ? "undefined" : PurposeTypeSuffix.GetValueOrDefault(purpose, purpose));
        var method = new JsonObject
        {
            ["id"] = id,
            ["type"] = LegacyTypeMap.GetValueOrDefault(legacyType, algorithm),
            ["controller"] = did,
        };
        switch (encoding)
        {
            case null or "hex":
                method["publicKeyHex"] = Hex.Encode(change.Value.Span);
                break;
            case "base64":
                method["publicKeyBase64"] = Convert.ToBase64String(change.Value.Span);
                break;
            case "base58":
                method["publicKeyBase58"] = Base58.Encode(change.Value.Span);
                break;
            case "pem":
                if (!TryDecodeUtf8(change.Value.Span, out var pem))
                {
                    return false;
                }

                method["publicKeyPem"] = pem;
                break;
            default:
                method["value"] = Hex.Encode(change.Value.Span);
                break;
        }

        methods[eventKey] = method;
        switch (purpose)
        {
            case "sigAuth":
                authentication[eventKey] = id;
                signing[eventKey] = id;
                break;
            case "enc":
                keyAgreement[eventKey] = id;
                break;
            default:
                signing[eventKey] = id;
                break;
        }

        return true;
    }

    /// <summary>
    /// A service value that is a JSON object or array becomes that JSON, anything else the text itself. The method
    /// spec says so; ethr-did-resolver 11 also turns "42", "true" or "null" into a number, boolean or null, which DID
    /// Core does not allow as a serviceEndpoint, so we keep those as text.
    /// </summary>
    private static JsonNode? ParseEndpoint(string text)
    {
        try
        {
            var parsed = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
            return parsed is JsonObject or JsonArray || parsed?.GetValueKind() == JsonValueKind.String ? parsed : JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static bool TryDecodeUtf8(ReadOnlySpan<byte> value, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string Strip0x(string hex) => hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex;

    // JavaScript's \w is ASCII-only and its $ does not match before a final newline: hence the explicit class and \z.
    [GeneratedRegex(@"^did/(pub|svc)/([A-Za-z0-9_]+)(/([A-Za-z0-9_]+))?(/([A-Za-z0-9_]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
