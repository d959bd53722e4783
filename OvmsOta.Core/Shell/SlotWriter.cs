using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;

namespace OvmsOta.Shell
{
    /// <summary>
    /// esp_ota_begin / write / end / set_boot_partition as the flash commands use them, each step failing with the
    /// ESP error number OVMS prints. The image is validated while it streams in; nothing is made bootable before End
    /// verified it and SetBoot switched otadata (state New, so the commit watchdog can roll it back).
    /// TODO(updater): delegate to OvmsOta.Update's streaming updater once it lands; this is the interim writer.
    /// </summary>
    public sealed class SlotWriter
    {
        private readonly OtaEngine _engine;
        private PartitionEntry _target;
        private int _written;
        private bool _validating;

        public SlotWriter(OtaEngine engine)
        {
            _engine = engine;
        }

        public int Written { get { return _written; } }

        /// <summary>esp_ota_begin: size &lt; 0 erases the whole partition, else the sectors the image needs.</summary>
        public void Begin(PartitionEntry target, int size)
        {
            if (target == null || target.OtaIndex < 0)
                throw new EspException(EspCodes.InvalidArg, "target is not an OTA app partition");
            if (target == _engine.Running)
                throw new EspException(EspCodes.OtaPartitionConflict, target.Label + " is the running partition");
            if (size > target.Size)
                throw new EspException(EspCodes.InvalidSize, "image of " + size.ToString() + " bytes does not fit "
                    + target.Label + " (" + target.Size.ToString() + " bytes)");
            _target = target;
            _written = 0;
            _validating = size >= 0;
            if (_validating)
                _engine.Validator.Begin(target.Size);
            try
            {
                PartitionEraser.Erase(_engine.Flash, target.Offset, size < 0 ? target.Size : PartitionEraser.SectorsFor(size));
            }
            catch (FlashException e)
            {
                throw new EspException(EspCodes.FlashOpFail, e.Message);
            }
        }

        /// <summary>esp_ota_write: the next bytes of the image, validated before they reach flash.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > _target.Size - _written)
                throw new EspException(EspCodes.InvalidSize, "write beyond the end of " + _target.Label);
            if (_validating)
            {
                try
                {
                    if (!_engine.Validator.IsComplete)
                        _engine.Validator.Feed(buffer, offset, count);
                }
                catch (ImageException e)
                {
                    throw new EspException(EspCodes.OtaValidateFailed, e.Message);
                }
            }
            try
            {
                _engine.Flash.Write(_target.Offset + _written, buffer, offset, count);
            }
            catch (FlashException e)
            {
                throw new EspException(EspCodes.FlashOpFail, e.Message);
            }
            _written += count;
        }

        /// <summary>esp_ota_end: the image written must be complete and verify (header, checksum, SHA-256).</summary>
        public void End()
        {
            string problem = _engine.ImageCheck.Check(_target);
            if (problem != null)
                throw new EspException(EspCodes.OtaValidateFailed, problem);
        }

        /// <summary>esp_ota_set_boot_partition for the target (a new otadata entry, state New).</summary>
        public void SetBoot()
        {
            int error = _engine.Slots.SetBootPartition(_target, _engine.ImageCheck, true);
            if (error != EspError.Ok)
                throw new EspException(error, BootSlots.BootText(error, _target));
        }
    }
}
