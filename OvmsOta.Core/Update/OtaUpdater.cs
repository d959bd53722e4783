using System;
using System.IO;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Signing;

namespace OvmsOta.Update
{
    /// <summary>
    /// Writes a new app image into the slot after the running one and makes it the boot partition, as ESP-IDF's
    /// esp_ota_begin / esp_ota_write / esp_ota_end / esp_ota_set_boot_partition do together, but with the slot kept
    /// unbootable until the image is complete and verified (see <see cref="UpdateSession"/>).
    /// Push: <see cref="Begin(int)"/> then <see cref="UpdateSession.Write"/> per received block, then
    /// <see cref="UpdateSession.End"/> (HTTP bodies, the push endpoint). Pull: <see cref="Install"/> from a stream (files).
    /// Memory: one working buffer (default 4 KB) and one validator for the whole path; nothing grows with the image.
    /// One update at a time per updater.
    /// </summary>
    public sealed class OtaUpdater
    {
        /// <summary>OVMS's words for a second writer (after "Error: " in the shell); the one copy of the busy text.</summary>
        public const string BusyReason = "Flash operation already in progress - cannot flash again";

        public const int DefaultBufferSize = 4096;
        /// <summary>Smaller buffers work but multiply flash writes; below this they are a mistake.</summary>
        public const int MinimumBufferSize = 64;

        private readonly IFlash _flash;
        private readonly PartitionTable _table;
        private readonly PartitionEntry _running;
        private readonly BootSlots _slots;
        private readonly ImageValidator _validator;
        private readonly byte[] _buffer;
        private readonly ReadBackCheck _readBack;
        private UpdateSession _session;
        private SignatureCheck _signing;

        /// <summary>An updater with the portable validator and a 4 KB buffer.</summary>
        public OtaUpdater(IFlash flash, PartitionTable table, PartitionEntry running)
            : this(flash, table, running, new ImageValidator(), new byte[DefaultBufferSize])
        {
        }

        /// <summary>
        /// running: the partition the module runs from (the bootloader model or the device knows it; null = unknown,
        /// then every Begin is refused). validator: the streaming validator (the device passes native SHA-256).
        /// buffer: the one working buffer, used for reading a source, programming the magic byte and the read-back.
        /// </summary>
        public OtaUpdater(IFlash flash, PartitionTable table, PartitionEntry running, ImageValidator validator, byte[] buffer)
        {
            if (flash == null)
                throw new ArgumentNullException("flash");
            if (table == null)
                throw new ArgumentNullException("table");
            if (validator == null)
                throw new ArgumentNullException("validator");
            if (buffer == null || buffer.Length < MinimumBufferSize)
                throw new ArgumentException("the working buffer needs at least " + MinimumBufferSize.ToString() + " bytes", "buffer");
            _flash = flash;
            _table = table;
            _running = running;
            _slots = new BootSlots(flash, table);
            _validator = validator;
            _buffer = buffer;
            _readBack = new ReadBackCheck(flash, validator, buffer);
        }

        public PartitionEntry Running { get { return _running; } }

        public int BufferSize { get { return _buffer.Length; } }

        /// <summary>Where an update would go (esp_ota_get_next_update_partition), or null.</summary>
        public PartitionEntry Target { get { return _running == null ? null : _slots.NextUpdatePartition(_running); } }

        /// <summary>
        /// The signature and anti-rollback check every update passes (its gate from the first bytes, its signature check
        /// after the checksum and SHA-256 and before byte 0); null = none (OVMS's behaviour). Set it between updates.
        /// </summary>
        public SignatureCheck Signing { get { return _signing; } set { _signing = value; } }

        /// <summary>True while a session is open.</summary>
        public bool IsBusy { get { return _session != null && _session.IsOpen; } }

        /// <summary>
        /// Opens an update of expectedSize bytes (Content-Length or file size) into the slot after the running one.
        /// Refuses, with an <see cref="UpdateException"/> and before any flash change: a second update while one is
        /// open, an unknown running partition, no target, the running slot as target, a size below 1 or above the
        /// target's capacity.
        /// </summary>
        public UpdateSession Begin(int expectedSize)
        {
            return Begin(expectedSize, null);
        }

        /// <summary>
        /// As <see cref="Begin(int)"/>; gate (may be null) checks what the image is from its first bytes, and an image it
        /// refuses ends the session before anything is erased (<see cref="UpdateException.NothingChanged"/>).
        /// </summary>
        public UpdateSession Begin(int expectedSize, IImageGate gate)
        {
            if (IsBusy)
                throw new UpdateException(BusyReason);
            PartitionEntry target = CheckTarget();
            if (expectedSize < 1)
                throw new UpdateException("Expected download file size (" + expectedSize.ToString() + ") is invalid");
            if (expectedSize > target.Size)
                throw new UpdateException("target partition too small (" + target.Size.ToString() + " bytes capacity) for an image of "
                    + expectedSize.ToString() + " bytes; " + target.Label + " is unchanged");
            _validator.Begin(target.Size, SigningGate(gate));
            _session = new UpdateSession(this, target, expectedSize, 0);
            return _session;
        }

        /// <summary>
        /// Opens an update of expectedSize bytes that goes on from what an earlier, interrupted update of the same image
        /// left in the target: the first heldBytes rounded down to a 4 KB sector (the sector being written at a cut may
        /// be torn; it is erased again). Nothing is trusted: those bytes are read back from flash and fed to the
        /// validator (byte 0, still held back as 0xFF, fed as 0xE9), and their first bytes must equal head (the image's
        /// first bytes as the server sends them now). The session's next Write is byte <see cref="UpdateSession.BytesWritten"/>.
        /// Refuses with <see cref="UpdateException"/> (NothingChanged: the slot was only read) when there is no whole
        /// sector to keep, byte 0 is not 0xFF, the head differs, or the validator rejects the bytes.
        /// </summary>
        public UpdateSession Resume(int expectedSize, IImageGate gate, int heldBytes, byte[] head, int headLength)
        {
            if (IsBusy)
                throw new UpdateException(BusyReason);
            PartitionEntry target = CheckTarget();
            if (expectedSize < 1 || expectedSize > target.Size)
                throw new UpdateException("Cannot resume an image of " + expectedSize.ToString() + " bytes in " + target.Label, null, true);
            int start = (heldBytes < expectedSize ? heldBytes : expectedSize - 1) / FlashGeometry.SectorSize * FlashGeometry.SectorSize;
            if (start == 0 || head == null || headLength < 1)
                throw new UpdateException("Nothing to resume in " + target.Label, null, true);
            _validator.Begin(target.Size, SigningGate(gate));
            SlotReplay.Feed(_flash, target, start, head, headLength, _validator, _buffer);
            _session = new UpdateSession(this, target, expectedSize, start);
            return _session;
        }

        /// <summary>The gate of a session: with signing on, the anti-rollback check from the first bytes comes first.</summary>
        private IImageGate SigningGate(IImageGate gate)
        {
            return _signing == null ? gate : _signing.Gate(gate);
        }

        /// <summary>
        /// Pulls an image of expectedSize bytes from source through the working buffer and installs it: Begin, Write
        /// per read, End. Returns the new boot partition. A source longer or shorter than expectedSize, a read error,
        /// a rejected image or a flash failure all end in <see cref="UpdateException"/>.
        /// </summary>
        public PartitionEntry Install(Stream source, int expectedSize)
        {
            if (source == null)
                throw new ArgumentNullException("source");
            UpdateSession session = Begin(expectedSize);
            try
            {
                while (true)
                {
                    // A full buffer even near the end, so a source longer than announced is noticed.
                    int read = ReadSource(session, source);
                    if (read <= 0)
                        break;
                    session.Write(_buffer, 0, read);
                }
                return session.End();
            }
            finally
            {
                // Only on an exception the session did not handle itself (a power loss, a bug): no flash access here.
                if (session.IsOpen)
                    session.Close();
            }
        }

        private int ReadSource(UpdateSession session, Stream source)
        {
            try
            {
                return source.Read(_buffer, 0, _buffer.Length);
            }
            catch (Exception e)
            {
                session.Fail("Download failed (at " + session.BytesWritten.ToString() + " bytes): " + e.Message, e);
                return 0;
            }
        }

        private PartitionEntry CheckTarget()
        {
            if (_running == null)
                throw new UpdateException("Current running image cannot be determined - aborting");
            PartitionEntry target = _slots.NextUpdatePartition(_running);
            if (target == null && _running.OtaIndex >= 0 && _table.OtaSlotCount == 1)
                throw new UpdateException("Cannot flash to running image partition: " + _running.Label + " is the only OTA slot in the partition table");
            if (target == null)
                throw new UpdateException("Target partition cannot be determined: the partition table has no OTA app slot (ota_0) to update");
            if (target.Offset == _running.Offset)
                throw new UpdateException("Cannot flash to running image partition (" + target.Label + " at 0x" + target.Offset.ToString("x") + ")");
            if (target.Offset % FlashGeometry.SectorSize != 0)
                throw new UpdateException("Target partition " + target.Label + " at 0x" + target.Offset.ToString("x")
                    + " is not aligned to a 4 KB sector; fix the partition table");
            return target;
        }

        internal IFlash Flash { get { return _flash; } }
        internal BootSlots Slots { get { return _slots; } }
        internal ImageValidator Validator { get { return _validator; } }
        internal byte[] Buffer { get { return _buffer; } }
        internal ReadBackCheck ReadBack { get { return _readBack; } }
    }
}
