using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Image
{
    /// <summary>
    /// "Does this slot hold an image the bootloader would load?": a full verification (header, segments, checksum,
    /// SHA-256) of the partition's image, as esp_image_verify does before esp_ota_set_boot_partition and at boot.
    /// One validator and one buffer, reused for every check.
    /// </summary>
    public sealed class SlotImageCheck : IAppImageCheck
    {
        private readonly IFlash _flash;
        private readonly ImageValidator _validator;
        private readonly byte[] _buffer;

        public SlotImageCheck(IFlash flash, ImageValidator validator, byte[] buffer)
        {
            _flash = flash;
            _validator = validator;
            _buffer = buffer;
        }

        public bool HasValidImage(PartitionEntry slot)
        {
            return Check(slot) == null;
        }

        /// <summary>Null when the slot's image verifies, else why not (the validator's message).</summary>
        public string Check(PartitionEntry slot)
        {
            try
            {
                SlotImage.Verify(_flash, slot.Offset, slot.Size, _buffer, _validator);
                return null;
            }
            catch (ImageException e)
            {
                return e.Message;
            }
        }
    }
}
