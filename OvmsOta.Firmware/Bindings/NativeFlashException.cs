using OvmsOta.Flash;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The native flash layer refused or failed an operation. Carries the esp_err_t, the partition and the offset
    /// inside it, and says them in the message: "flash write failed: ESP_ERR_NOT_ALLOWED (0x10D) at ota_0+0x0 ...".
    /// </summary>
    public class NativeFlashException : FlashException
    {
        private readonly int _code;
        private readonly string _partition;
        private readonly int _offset;

        public NativeFlashException(string operation, int code, string partition, int offset, int address, int count)
            : base("flash " + operation + " failed: " + EspErrors.Describe(code) + " at " + partition + "+0x" + offset.ToString("x")
                + " (address 0x" + address.ToString("x") + ", " + count.ToString() + " bytes)")
        {
            _code = code;
            _partition = partition;
            _offset = offset;
        }

        /// <summary>The esp_err_t the native call returned.</summary>
        public int Code { get { return _code; } }

        /// <summary>Label of the partition the access went to.</summary>
        public string Partition { get { return _partition; } }

        /// <summary>Offset inside that partition.</summary>
        public int Offset { get { return _offset; } }
    }
}
