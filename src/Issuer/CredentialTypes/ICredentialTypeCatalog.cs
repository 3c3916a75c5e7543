using System.Diagnostics.CodeAnalysis;

namespace Identity.Issuer.CredentialTypes;

/// <summary>The credential types this issuer mints: the four shipped ones plus those added by configuration.</summary>
public interface ICredentialTypeCatalog
{
    /// <summary>Every type, by name.</summary>
    IReadOnlyCollection<CredentialTypeDefinition> All { get; }

    /// <summary>Finds a type by its exact name.</summary>
    bool TryGet(string name, [NotNullWhen(true)] out CredentialTypeDefinition? definition);
}
