using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Update
{
    /// <summary>
    /// The one read-back of a freshly written slot, handed to <see cref="OtaData.BootSlots.SetBootPartition"/> as its
    /// image check. esp_ota_set_boot_partition verifies the whole image before it writes otadata; doing our own
    /// SlotImage.Verify first and then passing SlotImageCheck would read the slot twice. So this check IS the
    /// read-back: it verifies the slot through the updater's buffer and validator (header, segments, checksum,
    /// SHA-256), also requires the result to equal what was streamed (length, checksum, SHA-256), and keeps the
    /// reason when it fails so the caller can say why.
    /// </summary>
    public sealed class ReadBackCheck : IAppImageCheck
    {
        private readonly IFlash _flash;
        private readonly ImageValidator _validator;
        private readonly byte[] _buffer;
        private PartitionEntry _slot;
        private ImageInfo _streamed;
        private string _failure;

        public ReadBackCheck(IFlash flash, ImageValidator validator, byte[] buffer)
        {
            _flash = flash;
            _validator = validator;
            _buffer = buffer;
        }

        /// <summary>Why the last check failed, or null.</summary>
        public string Failure { get { return _failure; } }

        /// <summary>The slot just written and what the stream's validation found; the next check compares against it.</summary>
        public void Expect(PartitionEntry slot, ImageInfo streamed)
        {
            _slot = slot;
            _streamed = streamed;
            _failure = null;
        }

        public bool HasValidImage(PartitionEntry slot)
        {
            _failure = Check(slot);
            return _failure == null;
        }

        private string Check(PartitionEntry slot)
        {
            if (_slot == null || slot.Offset != _slot.Offset)
                return "asked to verify " + slot.Label + ", but the slot just written is " + (_slot == null ? "none" : _slot.Label);
            ImageInfo found;
            try
            {
                found = SlotImage.Verify(_flash, slot.Offset, slot.Size, _buffer, _validator);
            }
            catch (ImageException e)
            {
                return e.Message;
            }
            if (found.ImageLength != _streamed.ImageLength)
                return "image length " + Hex.Format(found.ImageLength) + " on flash, " + Hex.Format(_streamed.ImageLength) + " received";
            if (found.CalculatedChecksum != _streamed.CalculatedChecksum)
                return "checksum " + Hex.Format((uint)found.CalculatedChecksum) + " on flash, " + Hex.Format((uint)_streamed.CalculatedChecksum) + " received";
            if (!SameDigest(found.CalculatedHash, _streamed.CalculatedHash))
                return "SHA-256 " + Digest(found.CalculatedHash) + " on flash, " + Digest(_streamed.CalculatedHash) + " received";
            return null;
        }

        private static bool SameDigest(byte[] a, byte[] b)
        {
            if (a == null || b == null)
                return a == b;
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i])
                    return false;
            return true;
        }

        private static string Digest(byte[] hash)
        {
            return hash == null ? "none" : Hex.Digest(hash, 0, hash.Length);
        }
    }
}
