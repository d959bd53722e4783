using System;
using nanoFramework.Json;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The device's <see cref="IJsonCodec"/>: nanoFramework.Json's JsonConvert, names matched without regard to case,
    /// unknown fields ignored. Its exceptions do not say which field did not fit, so <see cref="JsonCodecException.Field"/>
    /// stays null here; Core checks required fields itself (Bundle/ManifestReader), so missing ones read the same on
    /// both bindings. Also compiled by the NFUnitTest project whose portable manifest tests exercise it on nanoCLR.
    /// </summary>
    public sealed class NanoJsonCodec : IJsonCodec
    {
        private readonly JsonSerializerOptions _options;

        public NanoJsonCodec()
        {
            _options = new JsonSerializerOptions();
            _options.PropertyNameCaseInsensitive = true;
            _options.ThrowExceptionWhenPropertyNotFound = false;
        }

        public object FromJson(string json, Type type)
        {
            object value;
            try
            {
                value = JsonConvert.DeserializeObject(json, type, _options);
            }
            catch (Exception e)
            {
                // DeserializationException, or whatever a value of the wrong kind caused inside the library.
                throw new JsonCodecException(e.Message, null, e);
            }
            if (value == null)
                throw new JsonCodecException("the JSON text is not an object", null);
            return value;
        }

        public string ToJson(object value)
        {
            return JsonConvert.SerializeObject(value);
        }
    }
}
