using System.Text.Json.Serialization;

namespace Identity.Shared.Dids;

/// <summary>Source-generated serialisation of the few primitive values the model turns into JSON elements.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class DidModelJsonContext : JsonSerializerContext;
