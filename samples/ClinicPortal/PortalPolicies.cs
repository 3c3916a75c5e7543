namespace ClinicPortal;

/// <summary>The portal's authorization policies.</summary>
internal static class PortalPolicies
{
    /// <summary>Signed in (cookie) or presenting (bearer VP).</summary>
    public const string Patient = "patient";

    /// <summary>Holds a HealthInsuranceCredential from a trusted hospital, valid today.</summary>
    public const string Insured = "insured";

    /// <summary>18 or older by the birth date in a PatientIdentityCredential.</summary>
    public const string Adult = "adult";

    /// <summary>Has a blood-pressure observation newer than 30 days.</summary>
    public const string RecentBloodPressure = "recent-blood-pressure";

    /// <summary>LOINC 85354-9, "Blood pressure panel with all children optional".</summary>
    public const string BloodPressurePanelLoinc = "85354-9";
}
