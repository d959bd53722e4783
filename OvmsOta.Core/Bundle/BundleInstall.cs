using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Update;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// A bundle installed into the inactive pair: the app part into the OTA slot through the streaming updater (byte 0
    /// held back, checksum and SHA-256), the deploy part into that slot's deploy_N (erase just ahead, each assembly
    /// checked as nanoCLR would), then at <see cref="Commit"/> deploy_N read back against the manifest's SHA-256, and
    /// only then the app's byte 0, its read-back and the one otadata switch, the single commit point for the pair.
    /// Nothing outside the inactive pair is written. Order and why: Bundle/README.md.
    /// </summary>
    public sealed class BundleInstall : IBundleTarget
    {

        private readonly IFlash _flash;
        private readonly OtaUpdater _updater;
        private readonly PartitionEntry _appTarget;
        private readonly PartitionEntry _deployTarget;
        private readonly IImageGate _gate;
        private readonly ISha256 _sha;
        private readonly byte[] _buffer;
        private BundleManifest _manifest;
        private UpdateSession _app;
        private SlotEraser _deployEraser;
        private DeploymentCheck _deployCheck;
        private int _deployWritten;
        private bool _deployDone;

        /// <summary>sha: a SHA-256 of its own for the read-back (the validator's is busy with the app); buffer: the work buffer.</summary>
        public BundleInstall(IFlash flash, OtaUpdater updater, PartitionEntry appTarget, PartitionEntry deployTarget, IImageGate gate,
            ISha256 sha, byte[] buffer)
        {
            _flash = flash;
            _updater = updater;
            _appTarget = appTarget;
            _deployTarget = deployTarget;
            _gate = gate;
            _sha = sha;
            _buffer = buffer;
        }

        /// <summary>True once something in the inactive pair was erased or written.</summary>
        public bool Touched { get { return _app != null || _deployEraser != null; } }

        /// <summary>The app image as streamed (version ...), after <see cref="Commit"/>; else null.</summary>
        public ImageInfo Image { get { return _app == null ? null : _app.Image; } }

        public BundleManifest Installed { get { return _manifest; } }

        /// <summary>What the bundle must be for this install (the announced version), checked from its manifest; null: any.</summary>
        public IManifestGate Gate { get; set; }

        /// <summary>Every refusal the manifest alone allows, before anything is written.</summary>
        public void Manifest(BundleManifest manifest)
        {
            if (Gate != null)
                Gate.Check(manifest);
            CheckFits(manifest.Parts.App, _appTarget);
            CheckFits(manifest.Parts.Deploy, _deployTarget);
            if (manifest.Parts.Files != null)
                throw new BundleException(BundleError.UnexpectedEntry, "The bundle has a files part (" + manifest.Parts.Files.Src
                    + "); this module has nowhere to put it yet: make the bundle without --files");
            NativeCheck.Check(manifest);
            _manifest = manifest;
            _deployCheck = new DeploymentCheck(manifest.Parts.Deploy.Assemblies);
        }

        public void BeginPart(int role, BundlePart part)
        {
            if (role == BundleRole.App)
            {
                _app = _updater.Begin((int)part.Size, _gate);
                return;
            }
            // The app comes first: its first erase leaves the slot unbootable before deploy_N changes, so no app that
            // is there now can ever start with a half-written deployment.
            if (_app == null)
                throw new BundleException(BundleError.UnexpectedEntry, "The bundle's deploy part (" + part.Src
                    + ") comes before its app part; `ovmsota bundle make` writes app first");
            _deployEraser = new SlotEraser(_flash, _deployTarget.Offset, (int)part.Size);
        }

        public void PartData(int role, byte[] buffer, int offset, int count)
        {
            if (role == BundleRole.App)
            {
                _app.Write(buffer, offset, count);
                return;
            }
            _deployCheck.Feed(buffer, offset, count);
            int address = _deployTarget.Offset + _deployWritten;
            try
            {
                _deployEraser.EraseUpTo(address + count);
                _flash.Write(address, buffer, offset, count);
            }
            catch (FlashException e)
            {
                throw new UpdateException("Flash erase/write failed while writing " + _deployTarget.Label + " at 0x" + address.ToString("x")
                    + ": " + e.Message, e);
            }
            _deployWritten += count;
        }

        public void EndPart(int role)
        {
            if (role == BundleRole.Deploy)
            {
                _deployCheck.Finish();
                _deployDone = true;
            }
        }

        /// <summary>
        /// After the whole bundle was read: deploy_N read back against the manifest, then the app's End (byte 0,
        /// read-back, otadata switch with state NEW). Returns the new boot partition.
        /// </summary>
        public PartitionEntry Commit(int commitTimeoutSeconds)
        {
            if (_app == null || !_deployDone)
                throw new BundleException(BundleError.MissingPart, "The bundle ended before its app and deploy parts were written");
            ReadBackDeploy();
            return _app.End(commitTimeoutSeconds);
        }

        /// <summary>Gives up: the app slot is left unbootable (deploy_N may hold part of the new deployment; nothing boots it).</summary>
        public void Abort()
        {
            if (_app != null && _app.IsOpen)
                _app.Abort();
        }

        private void ReadBackDeploy()
        {
            int size = (int)_manifest.Parts.Deploy.Size;
            _sha.Reset();
            try
            {
                for (int at = 0; at < size; at += _buffer.Length)
                {
                    int count = size - at < _buffer.Length ? size - at : _buffer.Length;
                    _flash.Read(_deployTarget.Offset + at, _buffer, 0, count);
                    _sha.Update(_buffer, 0, count);
                }
            }
            catch (FlashException e)
            {
                throw new UpdateException("Reading back " + _deployTarget.Label + " failed: " + e.Message, e);
            }
            byte[] digest = new byte[32];
            _sha.Final(digest, 0);
            string actual = Hex.Digest(digest, 0, digest.Length);
            if (actual != _manifest.Parts.Deploy.Sha256)
                throw new UpdateException("The deployment failed verification after writing " + _deployTarget.Label + " (SHA-256 "
                    + actual + ", expected " + _manifest.Parts.Deploy.Sha256 + "); the flash may be worn, try again");
        }

        private static void CheckFits(BundlePart part, PartitionEntry target)
        {
            if (part.Size > target.Size)
                throw new BundleException(BundleError.PartTooLarge, "The bundle's " + (target.IsApp ? "app" : "deploy") + " part (" + part.Src + ") is "
                    + part.Size.ToString() + " bytes; " + target.Label + " holds " + target.Size.ToString());
        }
    }
}
