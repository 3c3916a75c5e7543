using System.Text.Json.Nodes;

namespace Identity.Issuer.Tests.CredentialTypes;

/// <summary>
/// Realistic claims for the shipped types, modelled on the HL7 FHIR R4 example resources (Patient/example,
/// Coverage/9876B1, Observation/blood-pressure, heart-rate, satO2, body-temperature, f001 glucose) and on the SMART
/// Health Cards immunization examples, cut down to what each credential type admits. Each call parses a fresh copy.
/// </summary>
internal static class FhirExamples
{
    public const string PatientJson = """
        {
          "resourceType": "Patient",
          "identifier": [
            {
              "use": "usual",
              "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR", "display": "Medical record number" } ] },
              "system": "urn:oid:1.2.36.146.595.217.0.1",
              "value": "12345",
              "assigner": { "display": "Acme Healthcare" }
            }
          ],
          "name": [ { "use": "official", "family": "Chalmers", "given": [ "Peter", "James" ] } ],
          "gender": "male",
          "birthDate": "1974-12-25"
        }
        """;

    public const string CoverageJson = """
        {
          "resourceType": "Coverage",
          "status": "active",
          "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "EHCPOL", "display": "extended healthcare" } ] },
          "subscriberId": "AB9876",
          "beneficiary": { "reference": "Patient/4" },
          "relationship": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "self" } ] },
          "period": { "start": "2011-05-23", "end": "2012-05-23" },
          "payor": [ { "reference": "Organization/2", "display": "Acme Insurance" } ],
          "class": [
            { "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/coverage-class", "code": "group" } ] }, "value": "CB135", "name": "Corporate Baker's Inc. Local #35" },
            { "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/coverage-class", "code": "plan" } ] }, "value": "B37FC", "name": "Full Coverage: Medical, Dental, Pharmacy, Vision, EHC" }
          ]
        }
        """;

    public const string ImmunizationJson = """
        {
          "resourceType": "Immunization",
          "status": "completed",
          "vaccineCode": { "coding": [ { "system": "http://hl7.org/fhir/sid/cvx", "code": "207", "display": "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose" } ] },
          "patient": { "reference": "resource:0" },
          "occurrenceDateTime": "2021-01-01",
          "primarySource": true,
          "lotNumber": "0000001",
          "expirationDate": "2021-06-30",
          "route": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", "code": "IM", "display": "Injection, intramuscular" } ] },
          "doseQuantity": { "value": 0.5, "unit": "mL", "system": "http://unitsofmeasure.org", "code": "mL" },
          "performer": [ { "actor": { "display": "ABC General Hospital" } } ],
          "protocolApplied": [ { "doseNumberPositiveInt": 1, "seriesDosesPositiveInt": 2 } ]
        }
        """;

    public const string BloodPressureJson = """
        {
          "resourceType": "Observation",
          "status": "final",
          "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs", "display": "Vital Signs" } ], "text": "Vital Signs" } ],
          "code": { "coding": [ { "system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel with all children optional" } ], "text": "Blood pressure systolic & diastolic" },
          "effectiveDateTime": "1999-07-02",
          "performer": [ { "reference": "Practitioner/example" } ],
          "device": { "display": "Home blood pressure monitor" },
          "interpretation": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "L", "display": "low" } ], "text": "Below low normal" } ],
          "bodySite": { "coding": [ { "system": "http://snomed.info/sct", "code": "368209003", "display": "Right arm" } ] },
          "component": [
            {
              "code": { "coding": [ { "system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure" } ] },
              "valueQuantity": { "value": 107, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" },
              "interpretation": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "N", "display": "normal" } ] } ]
            },
            {
              "code": { "coding": [ { "system": "http://loinc.org", "code": "8462-4", "display": "Diastolic blood pressure" } ] },
              "valueQuantity": { "value": 60, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]" }
            }
          ]
        }
        """;

    public static string HeartRateJson => SingleValue("8867-4", "Heart rate", 44, "beats/minute", "/min");

    public static string GlucoseJson => SingleValue("15074-8", "Glucose [Moles/volume] in Blood", 6.3m, "mmol/l", "mmol/L");

    public static string GlucoseMassJson => SingleValue("2339-0", "Glucose [Mass/volume] in Blood", 113m, "mg/dL", "mg/dL");

    public static string OxygenSaturationJson => SingleValue("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", 95, "%", "%");

    public static string BodyTemperatureJson => SingleValue("8310-5", "Body temperature", 36.5m, "C", "Cel");

    public static string BodyTemperatureFahrenheitJson => SingleValue("8310-5", "Body temperature", 99.5m, "F", "[degF]");

    public static JsonObject Patient() => Parse(PatientJson);

    public static JsonObject Coverage() => Parse(CoverageJson);

    public static JsonObject Immunization() => Parse(ImmunizationJson);

    public static JsonObject BloodPressure() => Parse(BloodPressureJson);

    public static JsonObject HeartRate() => Parse(HeartRateJson);

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static string SingleValue(string loinc, string display, decimal value, string unit, string ucum) => $$"""
        {
          "resourceType": "Observation",
          "status": "final",
          "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs", "display": "Vital Signs" } ] } ],
          "code": { "coding": [ { "system": "http://loinc.org", "code": "{{loinc}}", "display": "{{display}}" } ], "text": "{{display}}" },
          "effectiveDateTime": "2026-11-29T07:42:00+01:00",
          "issued": "2026-11-29T07:42:05.120+01:00",
          "device": { "display": "Remote patient monitoring hub" },
          "valueQuantity": { "value": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "unit": "{{unit}}", "system": "http://unitsofmeasure.org", "code": "{{ucum}}" }
        }
        """;
}
