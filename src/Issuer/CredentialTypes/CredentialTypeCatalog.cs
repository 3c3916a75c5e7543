using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace Identity.Issuer.CredentialTypes;

/// <summary>
/// The credential types this issuer mints: the four shipped ones (<see cref="CredentialTypeNames"/>) plus those
/// added by configuration. Built once at start-up and immutable; every schema is compiled on construction, so a bad
/// one fails start-up rather than an issuance.
/// </summary>
public sealed partial class CredentialTypeCatalog : ICredentialTypeCatalog
{
    private readonly FrozenDictionary<string, CredentialTypeDefinition> byName;

    private CredentialTypeCatalog(IReadOnlyList<CredentialTypeDefinition> definitions)
    {
        All = definitions;
        byName = definitions.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyCollection<CredentialTypeDefinition> All { get; }

    /// <summary>The catalog of the four shipped types only.</summary>
    public static CredentialTypeCatalog CreateShipped() => Create([]);

    /// <summary>The shipped types plus <paramref name="additional"/>; false with a message naming the fault when one is unusable.</summary>
    public static bool TryCreate(
        IEnumerable<CredentialTypeDefinition> additional,
        [NotNullWhen(true)] out CredentialTypeCatalog? catalog,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(additional);
        catalog = null;
        var definitions = new List<CredentialTypeDefinition>(ShippedCredentialTypes.Create());
        var names = new HashSet<string>(definitions.Select(d => d.Name), StringComparer.Ordinal);
        foreach (var definition in additional)
        {
            if (definition?.Name is not { } name || !TypeName().IsMatch(name))
            {
                error = $"Credential type name '{definition?.Name}' is not a type name (a letter, then up to 63 letters or digits).";
                return false;
            }

            if (!names.Add(name))
            {
                error = $"Credential type '{definition.Name}' is defined twice (or takes the name of a shipped type).";
                return false;
            }

            if (!SchemaCompiler.TryCompile(definition.Schema, out _, out var schemaError))
            {
                error = $"The schema of credential type '{definition.Name}' is unusable: {schemaError}";
                return false;
            }

            if (definition.FhirResourceType is { } resourceType && !ModelInfo.IsKnownResource(resourceType))
            {
                error = $"Credential type '{definition.Name}': FhirResourceType '{resourceType}' is not a FHIR R4 resource type.";
                return false;
            }

            if (!definition.SchemaPath.StartsWith('/') || !Uri.IsWellFormedUriString(definition.SchemaPath, UriKind.Relative))
            {
                error = $"Credential type '{definition.Name}': SchemaPath must be a service-relative path starting with '/'.";
                return false;
            }

            definitions.Add(definition);
        }

        catalog = new CredentialTypeCatalog(definitions);
        error = null;
        return true;
    }

    /// <summary>Throwing wrapper over <see cref="TryCreate"/>.</summary>
    /// <exception cref="InvalidOperationException">A definition is unusable; the message says which and why.</exception>
    public static CredentialTypeCatalog Create(IEnumerable<CredentialTypeDefinition> additional) =>
        TryCreate(additional, out var catalog, out var error) ? catalog : throw new InvalidOperationException(error);

    /// <inheritdoc />
    public bool TryGet(string name, [NotNullWhen(true)] out CredentialTypeDefinition? definition)
    {
        if (name is null)
        {
            definition = null;
            return false;
        }

        return byName.TryGetValue(name, out definition);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
