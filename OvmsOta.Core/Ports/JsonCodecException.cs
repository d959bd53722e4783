using System;

namespace OvmsOta.Ports
{
    /// <summary>
    /// An <see cref="IJsonCodec"/> could not read the text. <see cref="Field"/> names the field when the binding can
    /// tell ("parts.app.size"); nanoFramework.Json cannot, so callers must not depend on it.
    /// </summary>
    public class JsonCodecException : Exception
    {
        public JsonCodecException(string message, string field) : base(message)
        {
            Field = field;
        }

        public JsonCodecException(string message, string field, Exception inner) : base(message, inner)
        {
            Field = field;
        }

        /// <summary>Dotted path of the field that did not fit, or null when unknown.</summary>
        public string Field { get; private set; }
    }
}
