namespace nanoFramework.Json
{
    /// <summary>nanoFramework.Json's JsonSerializerOptions: the settings the firmware's NanoJsonCodec makes.</summary>
    public sealed class JsonSerializerOptions
    {
        public bool PropertyNameCaseInsensitive { get; set; }

        public bool ThrowExceptionWhenPropertyNotFound { get; set; }
    }
}
