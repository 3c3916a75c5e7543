using System.Collections.Frozen;
using Hl7.Fhir.Model;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// What a <see cref="CredentialTypeNames.BiometricObservation"/> may carry beyond FHIR validity: a vital-signs
/// Observation in its final state, identified by one of the LOINC codes remote monitoring produces, with the UCUM
/// unit that code is measured in (a heart rate in mg/dL is refused, not converted).
/// </summary>
internal static class VitalSignsRules
{
    internal const string Loinc = "http://loinc.org";
    internal const string Ucum = "http://unitsofmeasure.org";
    internal const string CategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    internal const string BloodPressurePanel = "85354-9";
    internal const string Systolic = "8480-6";
    internal const string Diastolic = "8462-4";
    private const string MillimetresOfMercury = "mm[Hg]";

    /// <summary>The single-value LOINC codes and the UCUM units each may be measured in.</summary>
    private static readonly FrozenDictionary<string, string[]> UnitsByCode = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["8867-4"] = ["/min"], // heart rate
        ["2339-0"] = ["mg/dL", "mmol/L"], // glucose, blood
        ["15074-8"] = ["mg/dL", "mmol/L"], // glucose, blood or serum/plasma
        ["59408-5"] = ["%"], // SpO2 by pulse oximetry
        ["2708-6"] = ["%"], // oxygen saturation, arterial blood
        ["8310-5"] = ["Cel", "[degF]"], // body temperature
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ClaimsValidationResult Check(Observation observation)
    {
        if (observation.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected))
        {
            return Fail("/status", "The observation is not in a final state (final, amended or corrected).");
        }

        if (!observation.Category.Any(c => c.Coding.Any(x => x.System == CategorySystem && x.Code == "vital-signs")))
        {
            return Fail("/category", "The observation's category is not vital-signs (" + CategorySystem + ").");
        }

        var codings = observation.Code?.Coding ?? [];
        var firstLoinc = -1;
        string? code = null;
        for (var i = 0; i < codings.Count && code is null; i++)
        {
            if (codings[i].System != Loinc)
            {
                continue;
            }

            firstLoinc = firstLoinc < 0 ? i : firstLoinc;
            if (codings[i].Code is { } candidate && (candidate == BloodPressurePanel || UnitsByCode.ContainsKey(candidate)))
            {
                code = candidate;
            }
        }

        if (code is null)
        {
            return firstLoinc < 0
                ? Fail("/code/coding", "The observation code has no LOINC coding (" + Loinc + ").")
                : Fail($"/code/coding/{firstLoinc}/code", "The LOINC code is not one this credential type allows.");
        }

        return code == BloodPressurePanel ? CheckBloodPressure(observation) : CheckSingleValue(observation, UnitsByCode[code]);
    }

    private static ClaimsValidationResult CheckSingleValue(Observation observation, string[] units)
    {
        if (observation.Component.Count > 0)
        {
            return Fail("/component", "Only a blood pressure panel has components.");
        }

        return observation.Value is Quantity quantity
            ? CheckQuantity(quantity, units, "/valueQuantity")
            : Fail("/valueQuantity", "The observation has no valueQuantity.");
    }

    private static ClaimsValidationResult CheckBloodPressure(Observation observation)
    {
        if (observation.Value is not null)
        {
            return Fail("/valueQuantity", "A blood pressure panel carries its values in components, not in a value of its own.");
        }

        bool systolic = false, diastolic = false;
        for (var i = 0; i < observation.Component.Count; i++)
        {
            var component = observation.Component[i];
            var loinc = component.Code?.Coding.FirstOrDefault(c => c.System == Loinc && c.Code is Systolic or Diastolic)?.Code;
            if (loinc is null)
            {
                return Fail($"/component/{i}/code", "A component is neither systolic (8480-6) nor diastolic (8462-4) blood pressure.");
            }

            ref var seen = ref loinc == Systolic ? ref systolic : ref diastolic;
            if (seen)
            {
                return Fail($"/component/{i}/code", "A blood pressure component occurs twice.");
            }

            seen = true;
            if (component.Value is not Quantity quantity)
            {
                return Fail($"/component/{i}/valueQuantity", "A blood pressure component has no valueQuantity.");
            }

            var unit = CheckQuantity(quantity, [MillimetresOfMercury], $"/component/{i}/valueQuantity");
            if (!unit.IsValid)
            {
                return unit;
            }
        }

        return systolic && diastolic
            ? ClaimsValidationResult.Valid
            : Fail("/component", "The blood pressure panel lacks its systolic (8480-6) or diastolic (8462-4) component.");
    }

    private static ClaimsValidationResult CheckQuantity(Quantity quantity, string[] units, string pointer)
    {
        if (quantity.Value is null)
        {
            return Fail(pointer + "/value", "The quantity has no value.");
        }

        if (quantity.System != Ucum)
        {
            return Fail(pointer + "/system", "The unit is not coded in UCUM (" + Ucum + ").");
        }

        return quantity.Code is { } unit && units.Contains(unit, StringComparer.Ordinal)
            ? ClaimsValidationResult.Valid
            : Fail(pointer + "/code", "The unit is not one this LOINC code is measured in.");
    }

    private static ClaimsValidationResult Fail(string pointer, string message) =>
        ClaimsValidationResult.Fail(ClaimsErrorCode.InvalidFhir, message, pointer);
}
