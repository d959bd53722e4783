namespace OvmsOta.Firmware.Bindings
{
    /// <summary>
    /// The seam over OvmsOta.Native.NativeHash, so host tests can run the hash bindings on a fake. A null array throws
    /// ArgumentNullException (nanoCLR's marshaller would throw NullReferenceException before the native runs).
    /// </summary>
    public interface INativeHash
    {
        /// <summary>
        /// Opens a hash and returns its handle. All 4 slots open: OutOfMemoryException (the glue's CLR_E_OUT_OF_MEMORY;
        /// nanoCLR first compacts its heap and calls the native once more, which finds no slot either).
        /// </summary>
        int Sha256Begin();

        int Sha256Update(int handle, byte[] data, int offset, int count);

        /// <summary>Writes the digest and closes the handle, also when it fails.</summary>
        int Sha256Finish(int handle, byte[] digest, int offset);

        int Sha256Abort(int handle);

        int ChecksumUpdate(int checksum, byte[] data, int offset, int count);
    }
}
