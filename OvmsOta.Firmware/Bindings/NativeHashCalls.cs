using OvmsOta.Native;

namespace OvmsOta.Firmware.Bindings
{
    /// <summary>The device's <see cref="INativeHash"/>: straight calls into the interop assembly, after refusing null.</summary>
    public sealed class NativeHashCalls : INativeHash
    {
        public int Sha256Begin() { return NativeHash.Sha256Begin(); }

        public int Sha256Update(int handle, byte[] data, int offset, int count)
        {
            NativeArguments.NotNull(data, "data", "NativeHash.Sha256Update");
            return NativeHash.Sha256Update(handle, data, offset, count);
        }

        public int Sha256Finish(int handle, byte[] digest, int offset)
        {
            NativeArguments.NotNull(digest, "digest", "NativeHash.Sha256Finish");
            return NativeHash.Sha256Finish(handle, digest, offset);
        }

        public int Sha256Abort(int handle) { return NativeHash.Sha256Abort(handle); }

        public int ChecksumUpdate(int checksum, byte[] data, int offset, int count)
        {
            NativeArguments.NotNull(data, "data", "NativeHash.ChecksumUpdate");
            return NativeHash.ChecksumUpdate(checksum, data, offset, count);
        }
    }
}
