using System;

namespace OvmsOta.Ports
{
    /// <summary>
    /// JSON text to a plain object of a Core type and back (the bundle manifest; the web RPC). A Core type for it has a
    /// public parameterless constructor and public read/write properties of string, int, long, bool, another such type
    /// or an array of one. Property names match JSON names without regard to case. The device binds nanoFramework.Json,
    /// the host System.Text.Json.
    /// </summary>
    public interface IJsonCodec
    {
        /// <summary>
        /// A new object of type from json. Fields the type does not have are ignored; fields json lacks keep their
        /// default (null, 0, false), so the caller checks what it requires. Throws <see cref="JsonCodecException"/> for
        /// text that is not JSON, a root that is not an object, or a value that does not fit its property's type.
        /// </summary>
        object FromJson(string json, Type type);

        /// <summary>value as JSON text (its public properties; null ones may be left out).</summary>
        string ToJson(object value);
    }
}
