namespace Identity.Shared.Verification.Steps;

/// <summary>
/// Trust: the issuer is trusted for the credential. A list configured for one of the credential's types applies to
/// it (every such list must name the issuer); otherwise the global list applies; with neither, trust is not
/// restricted.
/// </summary>
internal static class TrustStep
{
    public static VerificationError? Check(string issuer, IReadOnlyList<string> types, TrustPolicy policy)
    {
        var applicable = types.Where(policy.TrustedIssuersByType.ContainsKey).Select(type => policy.TrustedIssuersByType[type]).ToList();
        if (applicable.Count == 0 && policy.TrustedIssuers.Count > 0)
        {
            applicable.Add(policy.TrustedIssuers);
        }

        return applicable.All(list => list.Contains(issuer, StringComparer.Ordinal))
            ? null
            : new VerificationError(VerificationErrorCode.UntrustedIssuer, "The credential's issuer is not trusted for this credential type.");
    }
}
