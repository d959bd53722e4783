// Reference model of nanoframework/nanoFramework.Json 2.2.x, nanoFramework.Json/JsonSerializerOptions.cs (sealed,
// read at aed6b500): the members the device code sets; bodies throw.
namespace nanoFramework.Json
{
    public sealed class JsonSerializerOptions
    {
        public JsonSerializerOptions() => throw null;
        public bool PropertyNameCaseInsensitive { get => throw null; set => throw null; }
        public bool ThrowExceptionWhenPropertyNotFound { get => throw null; set => throw null; }
    }
}
