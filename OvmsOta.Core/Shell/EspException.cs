using System;

namespace OvmsOta.Shell
{
    /// <summary>
    /// A flash step failed with the ESP-IDF error number OVMS prints ("ESP32 error #5379"); Detail says in words what
    /// went wrong (OVMS gives only the number, we print both).
    /// </summary>
    public sealed class EspException : Exception
    {
        private readonly int _code;

        public EspException(int code, string detail)
            : base(detail)
        {
            _code = code;
        }

        /// <summary>The esp_err_t value (<see cref="EspCodes"/>).</summary>
        public int Code { get { return _code; } }
    }
}
