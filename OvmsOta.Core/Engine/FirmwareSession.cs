using OvmsOta.Bundle;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Update;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// One firmware install of any kind, and the one place that tells the kinds apart, by the first byte: 0xE9 an ESP32
    /// app image (OVMS's ovms3.bin), 'P' of "PK\x03\x04" a firmware bundle (fw.zip). Every path (`ota flash http` and
    /// `vfs`, the nightly job, the push endpoint) writes through this, so each takes both. On OVMS layouts an image
    /// goes to the streaming updater as before and a bundle is refused; on the device layout (OTA slots paired with
    /// deploy_N) a bundle goes to <see cref="BundleInstall"/> and a plain image is refused, since it would run with the
    /// wrong deployment. Failures reach the caller as <see cref="UpdateException"/> (NothingChanged when nothing was
    /// written), so every path reports them as it reports an image's.
    /// </summary>
    public sealed class FirmwareSession
    {
        public const byte ImageMagic = 0xE9;
        public const byte BundleMagic = 0x50;

        private readonly Installer _installer;
        private readonly int _expected;
        private readonly IImageGate _gate;
        private readonly PartitionEntry _deploy;
        private UpdateSession _image;
        private BundleInstall _bundle;
        private BundleReader _reader;
        private int _received;
        private bool _open = true;
        private bool _sniffed;

        internal FirmwareSession(Installer installer, int expectedSize, IImageGate gate)
        {
            _installer = installer;
            _expected = expectedSize;
            _gate = gate;
            _deploy = installer.Slots.DeployFor(installer.Slots.NextTarget());
            // An OVMS layout begins the image now, as ever (its refusals come before any byte).
            if (_deploy == null)
                _image = installer.Updater.Begin(expectedSize, gate);
        }

        /// <summary>
        /// An app image install that goes on from what an interrupted one left in the target (<see cref="OtaUpdater.Resume"/>:
        /// re-verified from flash). OVMS layouts only: a bundle is not resumed (refused, nothing changed; it starts at 0).
        /// </summary>
        internal FirmwareSession(Installer installer, int expectedSize, IImageGate gate, int held, byte[] head, int headLength)
        {
            _installer = installer;
            _expected = expectedSize;
            _gate = gate;
            _deploy = installer.Slots.DeployFor(installer.Slots.NextTarget());
            if (_deploy != null)
                throw new UpdateException("A bundle download is not resumed; it starts again at byte 0", null, true);
            _image = installer.Updater.Resume(expectedSize, gate, held, head, headLength);
            _received = _image.BytesWritten;
            _sniffed = true;
        }

        public int ExpectedSize { get { return _expected; } }

        public int BytesWritten { get { return _received; } }

        public bool IsOpen { get { return _open; } }

        /// <summary>True when the first byte said bundle.</summary>
        public bool IsBundle { get { return _bundle != null; } }

        /// <summary>The installed app image (version, project ...), once ended; else null.</summary>
        public ImageInfo Image { get { return _bundle != null ? _bundle.Image : (_image != null ? _image.Image : null); } }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
                return;
            if (!_sniffed)
                Sniff(buffer[offset]);
            if (_image != null)
            {
                _image.Write(buffer, offset, count);
            }
            else
            {
                if (count > _expected - _received)
                    throw Failed(new BundleException(BundleError.WrongSize, "Download firmware is bigger than expected: "
                        + ((long)_received + count).ToString() + " bytes received, " + _expected.ToString() + " expected (Content-Length or file size)"));
                Guard(buffer, offset, count);
            }
            _received += count;
        }

        /// <summary>Ends the install: the otadata switch to the new slot (pair) with state NEW. Returns the new boot partition.</summary>
        public PartitionEntry End(int commitTimeoutSeconds)
        {
            if (_image != null)
            {
                _open = false;
                return _image.End(commitTimeoutSeconds);
            }
            if (_bundle == null)
                Refuse("Download file size (0) does not match expected (" + _expected.ToString() + ")", null);
            try
            {
                _reader.Finish();
                PartitionEntry next = _bundle.Commit(commitTimeoutSeconds);
                _open = false;
                return next;
            }
            catch (BundleException e)
            {
                throw Failed(e);
            }
            catch (UpdateException)
            {
                Abort();
                throw;
            }
        }

        public void Abort()
        {
            if (!_open)
                return;
            _open = false;
            if (_image != null)
                _image.Abort();
            if (_bundle != null)
                _bundle.Abort();
        }

        private void Sniff(byte first)
        {
            _sniffed = true;
            bool bundle = first == BundleMagic;
            if (_deploy == null)
            {
                if (bundle)
                {
                    _image.Close();
                    Refuse("This is a firmware bundle (fw.zip) for OvmsOta's device layout; this module's partition table has no "
                        + "deploy partition for it. Flash an ESP32 app image (ovms3.bin) instead", null);
                }
                return;
            }
            if (!bundle)
                Refuse("This module runs OvmsOta's device layout (" + _installer.Slots.NextTarget().Label + " with " + _deploy.Label
                    + "): a plain ESP32 image cannot update it, its managed deployment must come with it. Flash the firmware "
                    + "bundle fw.zip (`ovmsota bundle make`; on the update server " + UpdateUrl.BundleFileName + " beside ovms3.bin)", null);
            if (_installer.Json == null)
                Refuse("This module has no JSON binding to read a bundle's manifest with", null);
            // A gate checks a bundle by its manifest's version (the app inside is nanoCLR, with its own version).
            _bundle = new BundleInstall(_installer.Slots.Flash, _installer.Updater, _installer.Slots.NextTarget(), _deploy, null,
                _installer.PartSha256, _installer.WorkBuffer);
            _bundle.Gate = _gate as IManifestGate;
            _reader = new BundleReader(_installer.Json, _installer.PartSha256, _bundle);
            _reader.Signing = _installer.Updater.Signing;
            _reader.Deflate = _installer.Deflate;
        }

        private void Guard(byte[] buffer, int offset, int count)
        {
            try
            {
                _reader.Feed(buffer, offset, count);
            }
            catch (BundleException e)
            {
                throw Failed(e);
            }
            catch (UpdateException)
            {
                Abort();
                throw;
            }
        }

        /// <summary>A bundle refused: the app slot left unbootable when anything was written; NothingChanged otherwise.</summary>
        private UpdateException Failed(BundleException e)
        {
            bool touched = _bundle.Touched;
            _installer.Log.Warning("Bundle refused (" + BundleError.Name(e.Error) + "): " + e.Message);
            Abort();
            return new UpdateException(e.Message, e, !touched);
        }

        private void Refuse(string message, System.Exception cause)
        {
            _open = false;
            throw new UpdateException(message, cause, true);
        }
    }
}
