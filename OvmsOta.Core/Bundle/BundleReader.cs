using System.Text;
using OvmsOta.Image;
using OvmsOta.Ports;
using OvmsOta.Signing;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// A bundle read front to back: manifest.json first (read into a fixed buffer and checked), then every entry the
    /// manifest names handed to the target with its size and SHA-256 checked against the manifest. Entries it does
    /// not name are refused; a missing manifest, a manifest that is not first, a missing part each get their own
    /// message. Feed it the archive's bytes and call <see cref="Finish"/> at its end.
    /// </summary>
    public sealed class BundleReader : IZipEntrySink
    {
        private readonly IJsonCodec _codec;
        private readonly ISha256 _sha;
        private readonly IBundleTarget _target;
        private readonly ZipStreamReader _zip;
        private readonly byte[] _manifestBytes = new byte[ManifestReader.MaxSize];
        private readonly bool[] _seen = new bool[BundleRole.Count];
        private readonly byte[] _digest = new byte[32];
        private BundleManifest _manifest;
        private string _firstEntry;
        private int _manifestLength;
        private int _role = -1;
        private bool _inManifest;
        private byte[] _manifestDigest;
        private byte[] _signature;
        private int _signatureLength;
        private bool _inSignature;
        private bool _signatureChecked;

        public BundleReader(IJsonCodec codec, ISha256 sha, IBundleTarget target)
        {
            _codec = codec;
            _sha = sha;
            _target = target;
            _zip = new ZipStreamReader(this);
        }

        /// <summary>The checked manifest once it was read, else null.</summary>
        public BundleManifest Manifest { get { return _manifest; } }

        /// <summary>
        /// The check of the manifest's detached signature (manifest.sig) before the first part; null: not checked
        /// (the entry is still read and kept). The engine gives the updater's, so config's keys decide.
        /// </summary>
        public SignatureCheck Signing { get; set; }

        /// <summary>Inflates deflated entries (the platform's decoder); null: a deflated entry is refused.</summary>
        public IDeflateDecoder Deflate { get { return _zip.Deflate; } set { _zip.Deflate = value; } }

        /// <summary>The note when an unsigned bundle passed because signing is not required, else null.</summary>
        public string SigningNote { get; private set; }

        /// <summary>SHA-256 of the manifest.json bytes once read, else null.</summary>
        public byte[] ManifestDigest { get { return _manifestDigest; } }

        /// <summary>The manifest.sig entry's bytes (null: none), <see cref="SignatureLength"/> of them.</summary>
        public byte[] Signature { get { return _signature; } }

        public int SignatureLength { get { return _signatureLength; } }

        /// <summary>Bytes of the archive read so far.</summary>
        public long Offset { get { return _zip.Offset; } }

        public void Feed(byte[] buffer, int offset, int count)
        {
            _zip.Feed(buffer, offset, count);
        }

        /// <summary>The archive ended: refuses a truncated one, one without a manifest and one missing a part.</summary>
        public void Finish()
        {
            if (_manifest == null && _firstEntry != null)
                throw new BundleException(BundleError.ManifestMissing, "The bundle has no " + ManifestReader.EntryName
                    + " (its first entry is " + _firstEntry + "); make it with `ovmsota bundle make`");
            _zip.Finish();
            if (_manifest == null)
                throw new BundleException(BundleError.ManifestMissing, "The bundle has no " + ManifestReader.EntryName);
            for (int role = 0; role < BundleRole.Count; role++)
            {
                BundlePart part = BundleRole.Of(_manifest, role);
                if (part != null && !_seen[role])
                    throw new BundleException(BundleError.MissingPart, "The bundle lacks its " + BundleRole.Name(role) + " part: the manifest names entry "
                        + part.Src + ", which is not in the ZIP");
            }
        }

        void IZipEntrySink.BeginEntry(ZipEntry entry)
        {
            if (entry.Index == 0)
                _firstEntry = entry.Name;
            if (entry.Name == ManifestReader.EntryName)
            {
                if (entry.Index != 0)
                    throw new BundleException(BundleError.ManifestNotFirst, ManifestReader.EntryName + " must be the first entry of the bundle; it is entry "
                        + (entry.Index + 1).ToString() + ", after " + _firstEntry);
                if (entry.Size > ManifestReader.MaxSize)
                    throw new BundleException(BundleError.BadManifest, ManifestReader.EntryName + " is " + entry.Size.ToString()
                        + " bytes; at most " + ManifestReader.MaxSize.ToString() + " are read");
                _inManifest = true;
                _manifestLength = 0;
                return;
            }
            if (entry.Name == ManifestReader.SignatureEntryName && _manifest != null)
            {
                if (entry.Index != 1)
                    throw new BundleException(BundleError.UnexpectedEntry, ManifestReader.SignatureEntryName + " must come right after "
                        + ManifestReader.EntryName + "; it is entry " + (entry.Index + 1).ToString());
                if (entry.Size > MaxSignature)
                    throw new BundleException(BundleError.ManifestSignature, ManifestReader.SignatureEntryName + " is " + entry.Size.ToString()
                        + " bytes; at most " + SignatureFormat.MaxBlocks.ToString() + " signature blocks (" + MaxSignature.ToString() + " bytes) are read");
                _signature = new byte[MaxSignature];
                _inSignature = true;
                return;
            }
            if (_manifest == null)
            {
                // Not first: read on (writing nothing) to tell "missing" from "not first".
                _role = -1;
                return;
            }
            if (!_signatureChecked)
                CheckSignature();
            _role = RoleOf(entry.Name);
            if (_role < 0)
                throw new BundleException(BundleError.UnexpectedEntry, "Bundle entry " + entry.Name + " is not named by its manifest");
            if (_seen[_role])
                throw new BundleException(BundleError.UnexpectedEntry, "Bundle entry " + entry.Name + " comes twice");
            BundlePart part = BundleRole.Of(_manifest, _role);
            if (entry.Size != part.Size)
                throw new BundleException(BundleError.WrongSize, "Bundle entry " + entry.Name + " has " + entry.Size.ToString()
                    + " bytes; the manifest says " + part.Size.ToString());
            _seen[_role] = true;
            _sha.Reset();
            _target.BeginPart(_role, part);
        }

        void IZipEntrySink.Data(byte[] buffer, int offset, int count)
        {
            if (_inManifest)
            {
                System.Array.Copy(buffer, offset, _manifestBytes, _manifestLength, count);
                _manifestLength += count;
                return;
            }
            if (_inSignature)
            {
                System.Array.Copy(buffer, offset, _signature, _signatureLength, count);
                _signatureLength += count;
                return;
            }
            if (_role < 0)
                return;
            _sha.Update(buffer, offset, count);
            _target.PartData(_role, buffer, offset, count);
        }

        void IZipEntrySink.EndEntry(ZipEntry entry)
        {
            if (_inManifest)
            {
                _inManifest = false;
                _sha.Reset();
                _sha.Update(_manifestBytes, 0, _manifestLength);
                _manifestDigest = new byte[32];
                _sha.Final(_manifestDigest, 0);
                _manifest = ManifestReader.Read(_codec, Encoding.UTF8.GetString(_manifestBytes, 0, _manifestLength));
                _target.Manifest(_manifest);
                return;
            }
            if (_inSignature)
            {
                _inSignature = false;
                return;
            }
            if (_role < 0)
                return;
            _sha.Final(_digest, 0);
            string actual = Hex.Digest(_digest, 0, _digest.Length);
            BundlePart part = BundleRole.Of(_manifest, _role);
            if (actual != part.Sha256)
                throw new BundleException(BundleError.WrongHash, "The bundle's " + BundleRole.Name(_role) + " part (" + entry.Name
                    + ") has SHA-256 " + actual + "; the manifest says " + part.Sha256);
            int role = _role;
            _role = -1;
            _target.EndPart(role);
        }

        private const int MaxSignature = SignatureFormat.MaxBlocks * SignatureFormat.BlockSize;

        /// <summary>Once, before the first part reaches the target: a refused signature means nothing was written.</summary>
        private void CheckSignature()
        {
            _signatureChecked = true;
            if (Signing == null)
                return;
            try
            {
                SigningNote = Signing.CheckManifest(_signature, _signatureLength, _manifestDigest);
            }
            catch (SigningException e)
            {
                throw new BundleException(BundleError.ManifestSignature, e.Message, e);
            }
        }

        private int RoleOf(string name)
        {
            for (int role = 0; role < BundleRole.Count; role++)
            {
                BundlePart part = BundleRole.Of(_manifest, role);
                if (part != null && part.Src == name)
                    return role;
            }
            return -1;
        }
    }
}
