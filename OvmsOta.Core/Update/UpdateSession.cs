using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Signing;

namespace OvmsOta.Update
{
    /// <summary>
    /// One update into the target slot, opened by <see cref="OtaUpdater.Begin(int)"/>.
    ///
    /// How the slot stays unbootable until the end: byte 0 of an app image is its magic 0xE9, and the bootloader
    /// (and esp_image_verify) rejects a slot whose byte 0 is anything else before looking further. The session never
    /// programs byte 0 while streaming: the first block is written from offset 1, so byte 0 stays 0xFF (erased by
    /// the first erase). Only in <see cref="End"/>, after every byte arrived and the streaming validation passed
    /// (checksum and SHA-256), is byte 0 programmed with a one-byte write; then the whole image is read back and
    /// verified, and only then does otadata switch. ESP-IDF's esp_ota_write writes byte 0 with the first block, so a
    /// slot being written carries a valid-looking header; the bootloader's fallback walk (selected slot, lower
    /// slots, factory, higher slots) relies on the full verification alone to skip it. Holding back byte 0 makes the
    /// slot fail at the first byte, whatever a power cut leaves behind.
    ///
    /// Every error ends the session and throws <see cref="UpdateException"/>: the running slot and otadata are then
    /// untouched (they are never written before the final switch, which is atomic) and the target's byte 0 is
    /// 0xFF (if it is not, for example after a read-back mismatch or when the slot held an older image and nothing
    /// was erased yet, its first sector is erased). <see cref="PowerLossException"/> passes through untouched.
    /// </summary>
    public sealed class UpdateSession
    {
        private readonly OtaUpdater _updater;
        private readonly IFlash _flash;
        private readonly PartitionEntry _target;
        private readonly int _expected;
        private readonly SlotEraser _eraser;
        private int _written;
        private bool _open = true;
        private ImageInfo _image;
        private string _signingNote;

        /// <summary>start: 0, or the sector-aligned length of a prefix already in the slot and fed to the validator (a resumed update).</summary>
        internal UpdateSession(OtaUpdater updater, PartitionEntry target, int expectedSize, int start)
        {
            _updater = updater;
            _flash = updater.Flash;
            _target = target;
            _expected = expectedSize;
            _written = start;
            _eraser = new SlotEraser(_flash, target.Offset + start, expectedSize - start);
        }

        /// <summary>The slot being written (the next boot partition on success).</summary>
        public PartitionEntry Target { get { return _target; } }

        public int ExpectedSize { get { return _expected; } }

        public int BytesWritten { get { return _written; } }

        /// <summary>False once ended, failed or aborted.</summary>
        public bool IsOpen { get { return _open; } }

        /// <summary>What the streamed image holds (version, project ...), once <see cref="End"/> succeeded; else null.</summary>
        public ImageInfo Image { get { return _image; } }

        /// <summary>What the signature check said of an image it let through unsigned (signing not required), else null.</summary>
        public string SigningNote { get { return _signingNote; } }

        /// <summary>
        /// Takes the next count bytes of the image: checks the size, feeds the validator (a structural error
        /// stops here, before the bytes reach flash), erases what the bytes need, writes them (byte 0 held back).
        /// Throws <see cref="UpdateException"/> on any failure.
        /// </summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
                throw new ArgumentOutOfRangeException("count", "offset " + offset.ToString() + " + count " + count.ToString()
                    + " lies outside a buffer of " + buffer.Length.ToString());
            CheckOpen();
            if (count == 0)
                return;
            if (count > _expected - _written)
                Fail("Download firmware is bigger than expected: " + ((long)_written + count).ToString() + " bytes received, "
                    + _expected.ToString() + " expected (Content-Length or file size)", null);
            Feed(buffer, offset, count);
            int address = _target.Offset + _written;
            try
            {
                _eraser.EraseUpTo(address + count);
                if (_written > 0)
                    _flash.Write(address, buffer, offset, count);
                else if (count > 1)
                    _flash.Write(address + 1, buffer, offset + 1, count - 1); // byte 0 stays 0xFF until End
            }
            catch (FlashException e)
            {
                Fail("Flash erase/write failed while writing " + _target.Label + " at 0x" + address.ToString("x") + ": " + e.Message, e);
            }
            _written += count;
        }

        /// <summary>
        /// Finishes the update: all expected bytes received, streaming validation passed (checksum and SHA-256),
        /// byte 0 programmed, the whole image read back and verified once, otadata switched to the target with state
        /// NEW (so the commit watchdog treats it as unconfirmed). Returns the new boot partition.
        /// </summary>
        public PartitionEntry End()
        {
            return End(0);
        }

        /// <summary>
        /// As <see cref="End()"/>; commitTimeoutSeconds above 0 is the time this update's trial gets to be confirmed
        /// (recorded with the switch, in the new otadata entry), instead of the configured `ota commit.timeout`.
        /// </summary>
        public PartitionEntry End(int commitTimeoutSeconds)
        {
            CheckOpen();
            if (_written != _expected)
                Fail("Download file size (" + _written.ToString() + ") does not match expected (" + _expected.ToString() + ")", null);
            ImageInfo streamed = null;
            try
            {
                streamed = _updater.Validator.Finish();
            }
            catch (ImageException e)
            {
                Fail("Image rejected: " + e.Message, e);
            }
            CheckSignature(streamed);
            ProgramMagic();
            Switch(streamed, commitTimeoutSeconds);
            _image = streamed;
            _open = false;
            return _target;
        }

        /// <summary>Gives the update up: the session ends and the target is left unbootable. Does nothing once ended.</summary>
        public void Abort()
        {
            if (!_open)
                return;
            _open = false;
            MakeTargetUnbootable();
        }

        /// <summary>Ends the session with message (and the cause), after making the target unbootable. Always throws.</summary>
        internal void Fail(string message, Exception cause)
        {
            _open = false;
            string cleanup = MakeTargetUnbootable();
            if (cleanup != null)
                message = message + " (" + cleanup + ")";
            throw cause == null ? new UpdateException(message) : new UpdateException(message, cause);
        }

        /// <summary>Ends the session without touching flash: for an exception the session did not raise (power loss).</summary>
        internal void Close()
        {
            _open = false;
        }

        private void Feed(byte[] buffer, int offset, int count)
        {
            try
            {
                _updater.Validator.Feed(buffer, offset, count);
            }
            catch (ImageException e)
            {
                if (e.Reason.NotForThisUpdate && _eraser.ErasedUpTo == _target.Offset)
                {
                    // Not for this module or update, seen in the first bytes: the slot keeps what it held.
                    _open = false;
                    throw new UpdateException("Image refused: " + e.Message + "; " + _target.Label + " is unchanged", e, true);
                }
                Fail("Image rejected: " + e.Message, e);
            }
        }

        /// <summary>The signing policy's check of the written slot (Signing/), before byte 0 can make it bootable.</summary>
        private void CheckSignature(ImageInfo streamed)
        {
            SignatureCheck signing = _updater.Signing;
            if (signing == null)
                return;
            try
            {
                _signingNote = signing.Check(_target.Offset, streamed.ImageLength, _written, ImageFormat.Magic, _updater.Buffer);
            }
            catch (SigningException e)
            {
                Fail("Image refused: " + e.Message + "; " + _target.Label + " was left unbootable", e);
            }
            catch (FlashException e)
            {
                Fail("Reading " + _target.Label + " for the signature check failed: " + e.Message, e);
            }
        }

        /// <summary>The one-byte write that makes the complete, validated image loadable.</summary>
        private void ProgramMagic()
        {
            byte[] buffer = _updater.Buffer;
            buffer[0] = ImageFormat.Magic;
            try
            {
                _flash.Write(_target.Offset, buffer, 0, 1);
            }
            catch (FlashException e)
            {
                Fail("Flash write of the image magic at 0x" + _target.Offset.ToString("x") + " failed: " + e.Message, e);
            }
        }

        /// <summary>
        /// The new entry names the slot this update came from, so the commit watchdog still knows where to go back to
        /// when a power cut erased the previous image's entry while it armed the rollback.
        /// </summary>
        private byte[] FromMark(int commitTimeoutSeconds)
        {
            OtaDataPartition otadata = _updater.Slots.OtaData;
            if (otadata == null || _target.OtaIndex < 0)
                return null;
            uint seq = otadata.SeqForSwitch(_target.OtaIndex, _updater.Slots.Table.OtaSlotCount);
            int from = _updater.Running.IsFactory ? OtaSelection.FactorySlot : _updater.Running.OtaIndex;
            return TrialMark.FromLabel(from, seq, commitTimeoutSeconds);
        }

        /// <summary>
        /// SetBootPartition verifies the partition before it writes otadata; its check is the session's read-back
        /// (<see cref="ReadBackCheck"/>), so the slot is read exactly once and the switch happens only if it verifies.
        /// </summary>
        private void Switch(ImageInfo streamed, int commitTimeoutSeconds)
        {
            ReadBackCheck readBack = _updater.ReadBack;
            readBack.Expect(_target, streamed);
            int error = EspError.Ok;
            try
            {
                error = _updater.Slots.SetBootPartition(_target, readBack, true, FromMark(commitTimeoutSeconds));
            }
            catch (FlashException e)
            {
                Fail("Reading back " + _target.Label + " failed: " + e.Message, e);
            }
            if (error == EspError.OtaValidateFailed)
                Fail("New image failed verification after writing " + _target.Label + ": " + readBack.Failure
                    + "; the flash may be worn, try again", null);
            if (error != EspError.Ok)
                Fail("Setting boot partition " + _target.Label + " failed (error " + error.ToString() + "): "
                    + BootSlots.BootText(error, _target), null);
        }

        /// <summary>Erases the target's first sector unless byte 0 is already erased; returns null or what went wrong.</summary>
        private string MakeTargetUnbootable()
        {
            byte[] buffer = _updater.Buffer;
            try
            {
                _flash.Read(_target.Offset, buffer, 0, 1);
                if (buffer[0] != FlashGeometry.Erased)
                    _flash.EraseSector(_target.Offset);
                return null;
            }
            catch (FlashException e)
            {
                return "making " + _target.Label + " unbootable failed too: " + e.Message;
            }
        }

        private void CheckOpen()
        {
            if (!_open)
                throw new InvalidOperationException("the update of " + _target.Label + " has ended; Begin a new one");
        }
    }
}
