using OvmsOta.Image;

namespace OvmsOta.Ports
{
    /// <summary>
    /// The image checksum's per-byte work: XOR-folds bytes into a running one-byte checksum. The
    /// device swaps in a native fold; ManagedChecksumFold is the portable one.
    /// </summary>
    public interface IChecksumFold
    {
        /// <summary>Returns checksum XOR every byte of buffer[offset, offset + count).</summary>
        byte Fold(byte checksum, byte[] buffer, int offset, int count);
    }
}
