using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Cli;

/// <summary>Where a command writes: one JSON document or one token on stdout, diagnostics on stderr.</summary>
internal sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public Task WriteJsonAsync(JsonNode document) => Out.WriteLineAsync(document.ToJsonString(Indented));

    public Task WriteTokenAsync(string token) => Out.WriteLineAsync(token);
}
