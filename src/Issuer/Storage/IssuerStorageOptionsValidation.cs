using Microsoft.Extensions.Options;

namespace Identity.Issuer.Storage;

/// <summary>Fails start-up with every problem of <c>Issuer:Storage</c>, each naming the setting to fix.</summary>
internal sealed class IssuerStorageOptionsValidation : IValidateOptions<IssuerStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, IssuerStorageOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
