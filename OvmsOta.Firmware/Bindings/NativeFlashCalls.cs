using OvmsOta.Native;
using OvmsOta.Partitions;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>The device's <see cref="INativeFlash"/>: straight calls into the interop assembly, nothing else.</summary>
    public sealed class NativeFlashCalls : INativeFlash
    {
        public int PartitionEntry(int index, byte[] entry) { return NativeFlash.PartitionEntry(index, entry); }

        public int RunningPartitionEntry(byte[] entry) { return NativeFlash.RunningPartitionEntry(entry); }

        public int Read(string label, int offset, byte[] buffer, int bufferOffset, int count)
        {
            return NativeFlash.Read(label, offset, buffer, bufferOffset, count);
        }

        public int Write(string label, int offset, byte[] buffer, int bufferOffset, int count)
        {
            return NativeFlash.Write(label, offset, buffer, bufferOffset, count);
        }

        public int EraseSector(string label, int offset) { return NativeFlash.EraseSector(label, offset); }

        public int EraseBlock(string label, int offset) { return NativeFlash.EraseBlock(label, offset); }
    }
}
