using System;
using System.Reflection;
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
            CheckKinds(value, string.Empty);
            return value;
        }

        /// <summary>
        /// nanoFramework.Json stores a value of the wrong kind (a number where an array belongs) without complaint, and
        /// nanoCLR's reflection lets it into the field; the first use then throws a bare Exception far from the JSON.
        /// So every field of the result is checked against its declared type here, as System.Text.Json does while reading.
        /// </summary>
        private static void CheckKinds(object value, string path)
        {
            FieldInfo[] fields = value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            for (int i = 0; i < fields.Length; i++)
            {
                object member = fields[i].GetValue(value);
                if (member == null)
                    continue;
                Type declared = fields[i].FieldType;
                string at = path + JsonName(fields[i].Name);
                if (!declared.IsInstanceOfType(member))
                    throw new JsonCodecException("a value of the wrong kind for " + at, at);
                if (declared.IsArray)
                {
                    Array items = (Array)member;
                    Type itemType = declared.GetElementType();
                    for (int j = 0; j < items.Length; j++)
                    {
                        object item = items.GetValue(j);
                        string itemAt = at + "[" + j.ToString() + "]";
                        if (item == null)
                            continue;
                        if (!itemType.IsInstanceOfType(item))
                            throw new JsonCodecException("a value of the wrong kind for " + itemAt, itemAt);
                        if (IsObject(itemType))
                            CheckKinds(item, itemAt + ".");
                    }
                }
                else if (IsObject(declared))
                {
                    CheckKinds(member, at + ".");
                }
            }
        }

        private static bool IsObject(Type type)
        {
            return !type.IsValueType && !ReferenceEquals(type, typeof(string)) && !type.IsArray;
        }

        /// <summary>"&lt;Natives&gt;k__BackingField" (an auto-property's field) as "natives"; other names as they are.</summary>
        private static string JsonName(string field)
        {
            int end = field.Length > 1 && field[0] == '<' ? field.IndexOf('>') : -1;
            string name = end > 1 ? field.Substring(1, end - 1) : field;
            return name.Substring(0, 1).ToLower() + name.Substring(1);
        }

        public string ToJson(object value)
        {
            return JsonConvert.SerializeObject(value);
        }
    }
}
