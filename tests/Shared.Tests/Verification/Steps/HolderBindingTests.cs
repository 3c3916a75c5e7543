using Identity.Shared.Verification;
using Identity.Shared.Verification.Steps;

namespace Identity.Shared.Tests.Verification.Steps;

public sealed class HolderBindingTests
{
    private const string Patient = "did:ethr:0x1111111111111111111111111111111111111111";
    private const string Other = "did:ethr:0x2222222222222222222222222222222222222222";

    // name, holder, signer, subjects, bound
    public static TheoryData<string, string, string, string?[], bool> Cases => new()
    {
        { "holder signs and is every subject", Patient, Patient, [Patient, Patient], true },
        { "no credentials", Patient, Patient, [], true },
        { "signer is not the holder", Patient, Other, [Patient], false },
        { "one subject is someone else", Patient, Patient, [Patient, Other], false },
        { "bearer credential (no subject)", Patient, Patient, [null], false },
        { "comparison is ordinal", Patient, Patient, [Patient.ToUpperInvariant()], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Case_GivesVerdict(string name, string holder, string signer, string?[] subjects, bool bound)
    {
        var error = HolderBindingStep.Check(holder, signer, subjects);

        Assert.True(bound == (error is null), $"{name}: expected {(bound ? "bound" : "holder_mismatch")}, got {error?.Code.Value ?? "bound"}");
        if (error is not null)
        {
            Assert.Equal(VerificationErrorCode.HolderMismatch, error.Code);
        }
    }
}
