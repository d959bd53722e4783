using OvmsOta.Native;
using OvmsOta.Partitions;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>The device's <see cref="INativeFlash"/>: straight calls into the interop assembly, after refusing null.</summary>
    public sealed class NativeFlashCalls : INativeFlash
    {
        public int PartitionEntry(int index, byte[] entry)
        {
            NativeArguments.NotNull(entry, "entry", "NativeFlash.PartitionEntry");
            return NativeFlash.PartitionEntry(index, entry);
        }

        public int RunningPartitionEntry(byte[] entry)
        {
            NativeArguments.NotNull(entry, "entry", "NativeFlash.RunningPartitionEntry");
            return NativeFlash.RunningPartitionEntry(entry);
        }

        public int Read(string label, int offset, byte[] buffer, int bufferOffset, int count)
        {
            NativeArguments.NotNull(label, "label", "NativeFlash.Read");
            NativeArguments.NotNull(buffer, "buffer", "NativeFlash.Read");
            return NativeFlash.Read(label, offset, buffer, bufferOffset, count);
        }

        public int Write(string label, int offset, byte[] buffer, int bufferOffset, int count)
        {
            NativeArguments.NotNull(label, "label", "NativeFlash.Write");
            NativeArguments.NotNull(buffer, "buffer", "NativeFlash.Write");
            return NativeFlash.Write(label, offset, buffer, bufferOffset, count);
        }

        public int EraseSector(string label, int offset)
        {
            NativeArguments.NotNull(label, "label", "NativeFlash.EraseSector");
            return NativeFlash.EraseSector(label, offset);
        }

        public int EraseBlock(string label, int offset)
        {
            NativeArguments.NotNull(label, "label", "NativeFlash.EraseBlock");
            return NativeFlash.EraseBlock(label, offset);
        }
    }
}
