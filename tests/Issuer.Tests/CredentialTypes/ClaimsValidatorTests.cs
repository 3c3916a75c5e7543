using System.Text.Json.Nodes;
using Identity.Issuer.CredentialTypes;

namespace Identity.Issuer.Tests.CredentialTypes;

public sealed class ClaimsValidatorTests
{
    private static readonly CredentialTypeCatalog Catalog = CredentialTypeCatalog.CreateShipped();
    private readonly ClaimsValidator validator = new(Catalog, CredentialContentLimits.Default);

    public static TheoryData<string, string> RealisticExamples => new()
    {
        { CredentialTypeNames.PatientIdentity, FhirExamples.PatientJson },
        { CredentialTypeNames.HealthInsurance, FhirExamples.CoverageJson },
        { CredentialTypeNames.Immunization, FhirExamples.ImmunizationJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.BloodPressureJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.HeartRateJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.GlucoseJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.GlucoseMassJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.OxygenSaturationJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.BodyTemperatureJson },
        { CredentialTypeNames.BiometricObservation, FhirExamples.BodyTemperatureFahrenheitJson },
    };

    [Theory]
    [MemberData(nameof(RealisticExamples))]
    public void Validate_RealisticExample_IsValid(string type, string claims)
    {
        var result = validator.Validate(type, FhirExamples.Parse(claims));

        Assert.True(result.IsValid, result.ToString());
        Assert.Null(result.Error);
    }

    [Fact]
    public void Validate_PatientWithOnlyRequiredMembers_IsValid()
    {
        var claims = FhirExamples.Parse("""{ "resourceType": "Patient", "name": [ { "family": "Example", "given": [ "Alice" ] } ], "birthDate": "1990-04" }""");

        Assert.True(validator.Validate(CredentialTypeNames.PatientIdentity, claims).IsValid);
    }

    [Theory]
    [InlineData("DriversLicenseCredential")]
    [InlineData("patientidentitycredential")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_UnknownType_UnknownType(string? type)
    {
        var result = validator.Validate(type, FhirExamples.Patient());

        AssertRefused(result, ClaimsErrorCode.UnknownType, string.Empty);
    }

    /// <summary>Each case: the type, a change to its realistic example, the code and pointer expected, and a value the message must not quote.</summary>
    public static TheoryData<string, string, string, string, string> BadClaims => new()
    {
        // Data minimisation: nothing of Patient beyond name, birthDate, gender, identifier.
        { "member outside the schema: address", CredentialTypeNames.PatientIdentity, "schema_violation", "/address", "Baker Street" },
        { "member outside the schema: photo", CredentialTypeNames.PatientIdentity, "schema_violation", "/photo", "iVBORw0KGgo" },
        { "member outside the schema: nested", CredentialTypeNames.PatientIdentity, "schema_violation", "/name/0/nickname", "Pete" },
        { "wrong type: birthDate number", CredentialTypeNames.PatientIdentity, "schema_violation", "/birthDate", "19741225" },
        { "wrong type: given not an array", CredentialTypeNames.PatientIdentity, "schema_violation", "/name/0/given", "Peter James" },
        { "missing required: birthDate", CredentialTypeNames.PatientIdentity, "schema_violation", "/birthDate", "" },
        { "missing required: nested actor", CredentialTypeNames.Immunization, "schema_violation", "/performer/0/actor", "" },
        { "missing required: payor", CredentialTypeNames.HealthInsurance, "schema_violation", "/payor", "" },
        { "resourceType of another type", CredentialTypeNames.PatientIdentity, "schema_violation", "/resourceType", "Coverage" },
        { "id in claims", CredentialTypeNames.PatientIdentity, "schema_violation", "/id", "did:ethr:0x1" },
        { "invalid FHIR date: month 13", CredentialTypeNames.PatientIdentity, "invalid_fhir", "/birthDate", "1974-13-25" },
        { "invalid FHIR date: not ISO", CredentialTypeNames.PatientIdentity, "invalid_fhir", "/birthDate", "25/12/1974" },
        { "invalid FHIR dateTime", CredentialTypeNames.Immunization, "invalid_fhir", "/occurrenceDateTime", "2021-01-01T25:00:00Z" },
        { "bad gender code", CredentialTypeNames.PatientIdentity, "invalid_fhir", "/gender", "mail" },
        { "bad coverage status code", CredentialTypeNames.HealthInsurance, "invalid_fhir", "/status", "valid" },
        { "coverage not active", CredentialTypeNames.HealthInsurance, "invalid_fhir", "/status", "cancelled" },
        { "empty family name", CredentialTypeNames.PatientIdentity, "invalid_fhir", "/name/0/family", "" },
        { "blood pressure without components", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/component", "" },
        { "blood pressure without diastolic", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/component", "" },
        { "blood pressure with a value of its own", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/valueQuantity", "120" },
        { "blood pressure component in kPa", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/component/0/valueQuantity/code", "kPa" },
        { "heart rate in mm[Hg]", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/valueQuantity/code", "mm[Hg]" },
        { "heart rate unit not UCUM", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/valueQuantity/system", "bpm" },
        { "heart rate without value", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/valueQuantity", "" },
        { "unknown LOINC code for the type", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/code/coding/0/code", "29463-7" },
        { "no LOINC coding", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/code/coding", "" },
        { "category not vital-signs", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/category", "laboratory" },
        { "observation entered in error", CredentialTypeNames.BiometricObservation, "invalid_fhir", "/status", "entered-in-error" },
        { "CVX system missing", CredentialTypeNames.Immunization, "invalid_fhir", "/vaccineCode/coding", "207" },
        { "CVX code not numeric", CredentialTypeNames.Immunization, "invalid_fhir", "/vaccineCode/coding/0/code", "COVID" },
        { "immunization not done", CredentialTypeNames.Immunization, "invalid_fhir", "/status", "not-done" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public void Validate_BadClaims_RefusedWithCodeAndPointer(string kind, string type, string code, string location, string secret)
    {
        var claims = Mutate(kind);

        var result = validator.Validate(type, claims);

        AssertRefused(result, ClaimsErrorCode.Parse(code), location);
        if (secret.Length > 0)
        {
            Assert.DoesNotContain(secret, result.Error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_OversizeClaims_InputTooLarge()
    {
        var claims = FhirExamples.Patient();
        claims["name"]![0]!["text"] = new string('a', CredentialContentLimits.Default.MaxClaimsBytes);

        AssertRefused(validator.Validate(CredentialTypeNames.PatientIdentity, claims), ClaimsErrorCode.InputTooLarge, string.Empty);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(100_000)]
    public void Validate_OverDeepClaims_InputTooDeepWithoutThrowing(int depth)
    {
        JsonNode nested = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            nested = new JsonArray(nested);
        }

        var claims = FhirExamples.Patient();
        claims["identifier"] = nested;

        var result = validator.Validate(CredentialTypeNames.PatientIdentity, claims);

        Assert.Equal(ClaimsErrorCode.InputTooDeep, result.Error?.Code);
        Assert.StartsWith("/identifier/0/0/0", result.Error!.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DepthAtLimit_PassesBoundsCheck()
    {
        var limits = CredentialContentLimits.Default with { MaxDepth = 6 };
        var strict = new ClaimsValidator(Catalog, limits);

        // Patient → identifier[] → {} → type → coding[] → {}: depth 6.
        Assert.True(strict.Validate(CredentialTypeNames.PatientIdentity, FhirExamples.Patient()).IsValid);
        Assert.Equal(ClaimsErrorCode.InputTooDeep, new ClaimsValidator(Catalog, limits with { MaxDepth = 5 }).Validate(CredentialTypeNames.PatientIdentity, FhirExamples.Patient()).Error?.Code);
    }

    [Fact]
    public void Validate_ValueJsonCannotExpress_SchemaViolationWithoutThrowing()
    {
        var claims = FhirExamples.HeartRate();
        claims["valueQuantity"]!["value"] = JsonValue.Create(double.NaN);

        AssertRefused(validator.Validate(CredentialTypeNames.BiometricObservation, claims), ClaimsErrorCode.SchemaViolation, string.Empty);
    }

    [Fact]
    public void Validate_NullClaims_SchemaViolation()
    {
        AssertRefused(validator.Validate(CredentialTypeNames.PatientIdentity, null), ClaimsErrorCode.SchemaViolation, string.Empty);
    }

    [Fact]
    public void Validate_TypeWithoutFhir_ChecksSchemaOnly()
    {
        var definition = new CredentialTypeDefinition
        {
            Name = "StaffBadgeCredential",
            Schema = FhirExamples.Parse("""{ "type": "object", "properties": { "role": { "enum": ["nurse", "physician"] } }, "required": ["role"], "additionalProperties": false }"""),
            SchemaPath = "/schemas/StaffBadgeCredential.json",
        };

        Assert.True(validator.Validate(definition, FhirExamples.Parse("""{ "role": "nurse" }""")).IsValid);
        AssertRefused(validator.Validate(definition, FhirExamples.Parse("""{ "role": "janitor" }""")), ClaimsErrorCode.SchemaViolation, "/role");
    }

    public static TheoryData<string> HostileFhir => new()
    {
        """{ "resourceType": "Patient", "birthDate": { "value": "1974-12-25" } }""",
        """{ "resourceType": "Patient", "birthDate": null }""",
        """{ "resourceType": "Patient", "_birthDate": 5 }""",
        """{ "resourceType": "Patient", "multipleBirthInteger": 1e400 }""",
        """{ "resourceType": "Patient", "multipleBirthInteger": 2147483648 }""",
        """{ "resourceType": "Patient", "multipleBirthBoolean": true, "multipleBirthInteger": 2 }""",
        """{ "resourceType": "Patient", "name": [ [ { "family": "x" } ] ] }""",
        """{ "resourceType": "Patient", "name": [ null ] }""",
        """{ "resourceType": "Patient", "name": [] }""",
        """{ "resourceType": "Patient", "contained": [ { "resourceType": "Patient", "contained": [ { "resourceType": "Patient" } ] } ] }""",
        """{ "resourceType": "Patient", "contained": [ { "resourceType": "Nonsense" } ] }""",
        """{ "resourceType": "Patient", "text": { "status": "generated", "div": "<div><script>alert(1)</script></div>" } }""",
        """{ "resourceType": "Patient", "text": { "status": "generated", "div": "<div" } }""",
        """{ "resourceType": "Patient", "photo": [ { "data": "not base64!" } ] }""",
        """{ "resourceType": "Patient", "extension": [ { "url": "http://example.org/x", "valueQuantity": { "value": "NaN" } } ] }""",
        """{ "resourceType": "Patient", "Gender": "male" }""",
        """{ "resourceType": "Patient", "deceasedDateTime": "2020-02-30T10:00:00Z" }""",
    };

    [Theory]
    [MemberData(nameof(HostileFhir))]
    public void Validate_HostileFhirUnderAnOpenSchema_InvalidFhirWithoutThrowing(string claims)
    {
        // An open schema lets everything through to the Firely SDK, as a careless configured type would.
        var definition = new CredentialTypeDefinition
        {
            Name = "OpenPatientCredential",
            Schema = FhirExamples.Parse("""{ "type": "object" }"""),
            SchemaPath = "/schemas/OpenPatientCredential.json",
            FhirResourceType = "Patient",
        };

        var result = validator.Validate(definition, FhirExamples.Parse(claims));

        Assert.Equal(ClaimsErrorCode.InvalidFhir, result.Error?.Code);
        Assert.DoesNotContain("alert", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyThreads_SameOutcomes()
    {
        var outcomes = new string[64];
        Parallel.For(0, outcomes.Length, i =>
        {
            var good = validator.Validate(CredentialTypeNames.BiometricObservation, FhirExamples.BloodPressure());
            var bad = validator.Validate(CredentialTypeNames.PatientIdentity, Mutate("bad gender code"));
            outcomes[i] = $"{good.IsValid} {bad.Error?.Code} {bad.Error?.Location}";
        });

        Assert.All(outcomes, o => Assert.Equal("True invalid_fhir /gender", o));
    }

    [Fact]
    public void Validate_DoesNotChangeTheClaims()
    {
        var claims = FhirExamples.BloodPressure();
        var before = claims.ToJsonString();

        validator.Validate(CredentialTypeNames.BiometricObservation, claims);

        Assert.Equal(before, claims.ToJsonString());
    }

    private static void AssertRefused(ClaimsValidationResult result, ClaimsErrorCode code, string location)
    {
        Assert.False(result.IsValid);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(location, result.Error.Location);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    private static JsonObject Mutate(string kind)
    {
        switch (kind)
        {
            case "member outside the schema: address":
                return With(FhirExamples.Patient(), p => p["address"] = new JsonArray(new JsonObject { ["line"] = new JsonArray("221B Baker Street") }));
            case "member outside the schema: photo":
                return With(FhirExamples.Patient(), p => p["photo"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["data"] = "iVBORw0KGgo" }));
            case "member outside the schema: nested":
                return With(FhirExamples.Patient(), p => p["name"]![0]!["nickname"] = "Pete");
            case "wrong type: birthDate number":
                return With(FhirExamples.Patient(), p => p["birthDate"] = 19741225);
            case "wrong type: given not an array":
                return With(FhirExamples.Patient(), p => p["name"]![0]!["given"] = "Peter James");
            case "missing required: birthDate":
                return With(FhirExamples.Patient(), p => p.Remove("birthDate"));
            case "missing required: nested actor":
                return With(FhirExamples.Immunization(), i => i["performer"]![0]!.AsObject().Remove("actor"));
            case "missing required: payor":
                return With(FhirExamples.Coverage(), c => c.Remove("payor"));
            case "resourceType of another type":
                return With(FhirExamples.Patient(), p => p["resourceType"] = "Coverage");
            case "id in claims":
                return With(FhirExamples.Patient(), p => p["id"] = "did:ethr:0x1");
            case "invalid FHIR date: month 13":
                return With(FhirExamples.Patient(), p => p["birthDate"] = "1974-13-25");
            case "invalid FHIR date: not ISO":
                return With(FhirExamples.Patient(), p => p["birthDate"] = "25/12/1974");
            case "invalid FHIR dateTime":
                return With(FhirExamples.Immunization(), i => i["occurrenceDateTime"] = "2021-01-01T25:00:00Z");
            case "bad gender code":
                return With(FhirExamples.Patient(), p => p["gender"] = "mail");
            case "bad coverage status code":
                return With(FhirExamples.Coverage(), c => c["status"] = "valid");
            case "coverage not active":
                return With(FhirExamples.Coverage(), c => c["status"] = "cancelled");
            case "empty family name":
                return With(FhirExamples.Patient(), p => p["name"]![0]!["family"] = string.Empty);
            case "blood pressure without components":
                return With(FhirExamples.BloodPressure(), o => o.Remove("component"));
            case "blood pressure without diastolic":
                return With(FhirExamples.BloodPressure(), o => o["component"]!.AsArray().RemoveAt(1));
            case "blood pressure with a value of its own":
                return With(FhirExamples.BloodPressure(), o => o["valueQuantity"] = new JsonObject { ["value"] = 120, ["system"] = "http://unitsofmeasure.org", ["code"] = "mm[Hg]" });
            case "blood pressure component in kPa":
                return With(FhirExamples.BloodPressure(), o => o["component"]![0]!["valueQuantity"]!["code"] = "kPa");
            case "heart rate in mm[Hg]":
                return With(FhirExamples.HeartRate(), o => o["valueQuantity"]!["code"] = "mm[Hg]");
            case "heart rate unit not UCUM":
                return With(FhirExamples.HeartRate(), o => o["valueQuantity"]!["system"] = "http://example.org/units/bpm");
            case "heart rate without value":
                return With(FhirExamples.HeartRate(), o => o.Remove("valueQuantity"));
            case "unknown LOINC code for the type":
                return With(FhirExamples.HeartRate(), o => o["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "29463-7", ["display"] = "Body weight" }) });
            case "no LOINC coding":
                return With(FhirExamples.HeartRate(), o => o["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "364075005" }) });
            case "category not vital-signs":
                return With(FhirExamples.HeartRate(), o => o["category"]![0]!["coding"]![0]!["code"] = "laboratory");
            case "observation entered in error":
                return With(FhirExamples.HeartRate(), o => o["status"] = "entered-in-error");
            case "CVX system missing":
                return With(FhirExamples.Immunization(), i => i["vaccineCode"]!["coding"]![0]!.AsObject().Remove("system"));
            case "CVX code not numeric":
                return With(FhirExamples.Immunization(), i => i["vaccineCode"]!["coding"]![0]!["code"] = "COVID");
            case "immunization not done":
                return With(FhirExamples.Immunization(), i => i["status"] = "not-done");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such case");
        }
    }

    private static JsonObject With(JsonObject claims, Action<JsonObject> change)
    {
        change(claims);
        return claims;
    }
}
