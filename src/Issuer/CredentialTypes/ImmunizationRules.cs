using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// What an <see cref="CredentialTypeNames.Immunization"/> must carry beyond FHIR validity: a completed immunization
/// whose vaccine is coded in CVX, the code system verifiers (and SMART Health Cards) key on.
/// </summary>
internal static partial class ImmunizationRules
{
    internal const string Cvx = "http://hl7.org/fhir/sid/cvx";

    public static ClaimsValidationResult Check(Immunization immunization)
    {
        if (immunization.Status != Immunization.ImmunizationStatusCodes.Completed)
        {
            return Fail("/status", "Only a completed immunization can be certified.");
        }

        var codings = immunization.VaccineCode?.Coding ?? [];
        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i].System == Cvx)
            {
                return codings[i].Code is { } code && CvxCode().IsMatch(code)
                    ? ClaimsValidationResult.Valid
                    : Fail($"/vaccineCode/coding/{i}/code", "The CVX code is not 1 to 3 digits.");
            }
        }

        return Fail("/vaccineCode/coding", "The vaccine code has no CVX coding (" + Cvx + ").");
    }

    private static ClaimsValidationResult Fail(string pointer, string message) =>
        ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, message, pointer);

    [GeneratedRegex("^[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CvxCode();
}
