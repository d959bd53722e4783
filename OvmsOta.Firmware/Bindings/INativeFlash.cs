using OvmsOta.Partitions;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The seam over OvmsOta.Native.NativeFlash: the same calls, so host tests can put a fake of the native layer
    /// under <see cref="NativeFlashBinding"/>. Every method returns 0 (ESP_OK) or the esp_err_t; a null label or array
    /// throws ArgumentNullException (nanoCLR's marshaller would throw NullReferenceException before the native runs).
    /// </summary>
    public interface INativeFlash
    {
        /// <summary>The index-th partition as a 32-byte table record; 0x105 (ESP_ERR_NOT_FOUND) past the last.</summary>
        int PartitionEntry(int index, byte[] entry);

        /// <summary>The running app partition as a 32-byte table record.</summary>
        int RunningPartitionEntry(byte[] entry);

        int Read(string label, int offset, byte[] buffer, int bufferOffset, int count);

        int Write(string label, int offset, byte[] buffer, int bufferOffset, int count);

        int EraseSector(string label, int offset);

        int EraseBlock(string label, int offset);
    }
}
