using System.Text.Json;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Json;

/// <summary>
/// The host's <see cref="IJsonCodec"/>: System.Text.Json, names matched without regard to case, unknown fields
/// ignored, numbers only from JSON numbers. A value that does not fit is reported with its field's path.
/// The device binds nanoFramework.Json (OvmsOta.Firmware/Bindings/NanoJsonCodec).
/// </summary>
public sealed class SystemTextJsonCodec : IJsonCodec
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public object FromJson(string json, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, Options)
                ?? throw new JsonCodecException("the JSON text is null, not an object", null);
        }
        catch (JsonException e)
        {
            throw new JsonCodecException(e.Message, FieldOf(e.Path), e);
        }
    }

    public string ToJson(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>"$.parts.app.size" as "parts.app.size"; null for the root.</summary>
    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return null;
        return path.StartsWith("$.", StringComparison.Ordinal) ? path.Substring(2) : path;
    }
}
