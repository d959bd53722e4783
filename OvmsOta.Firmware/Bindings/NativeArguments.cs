using System;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The checks before a call into OvmsOta.Native. A null array or string never reaches the glue: nanoCLR's marshaller
    /// throws a NullReferenceException (no message, nothing named) first, so the callers refuse null themselves.
    /// </summary>
    internal static class NativeArguments
    {
        /// <summary>Throws ArgumentNullException naming the call and the parameter when value is null.</summary>
        public static void NotNull(object value, string parameter, string call)
        {
            if (value == null)
                throw new ArgumentNullException(parameter, call + ": " + parameter + " is null (the native side takes no null)");
        }

        /// <summary>
        /// Throws ArgumentNullException (buffer) or ArgumentOutOfRangeException (count) unless buffer[offset, offset + count)
        /// lies inside buffer: the glue would throw too, but with no message.
        /// </summary>
        public static void Span(byte[] buffer, string bufferName, int offset, int count, string countName)
        {
            if (buffer == null)
                throw new ArgumentNullException(bufferName);
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
                throw new ArgumentOutOfRangeException(countName, "offset " + offset.ToString() + " + count " + count.ToString()
                    + " is outside the " + buffer.Length.ToString() + "-byte " + bufferName);
        }
    }
}
