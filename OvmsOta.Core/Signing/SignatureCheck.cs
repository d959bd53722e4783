using System;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Signing
{
    /// <summary>
    /// The check of a written slot before it is made bootable, with the ESP32's rule rather than espsecure's: the
    /// signature sector sits at the image's length rounded up to 4096 (as ESP-IDF finds it); block 0 must be a
    /// well-formed RSA block signing the SHA-256 of the padded image part; the SHA-256 of the key stored in it must be
    /// trusted and not revoked; and the signature must verify with that stored key. Only block 0 decides, as on an
    /// ESP32 with hardware Secure Boot V2 (one key digest in eFuse BLOCK2); blocks 1 and 2 are only named in the
    /// refusal when block 0's key is unknown but theirs is trusted. Reads the slot through the caller's buffer in
    /// fixed-size reads; writes nothing.
    /// </summary>
    public sealed class SignatureCheck
    {
        private readonly IFlash _flash;
        private readonly ISha256 _sha;
        private readonly ISignatureVerifier _verifier;
        private readonly ISigningPolicySource _policy;

        public SignatureCheck(IFlash flash, ISha256 sha, ISignatureVerifier verifier, ISigningPolicySource policy)
        {
            if (flash == null)
                throw new ArgumentNullException("flash");
            if (sha == null)
                throw new ArgumentNullException("sha");
            if (verifier == null)
                throw new ArgumentNullException("verifier");
            if (policy == null)
                throw new ArgumentNullException("policy");
            _flash = flash;
            _sha = sha;
            _verifier = verifier;
            _policy = policy;
        }

        public SigningPolicy Policy { get { return _policy.Current; } }

        /// <summary>The gate of an update under the current policy: secure_version first, then next (may be null).</summary>
        public IImageGate Gate(IImageGate next)
        {
            uint minimum = _policy.Current.MinSecureVersion;
            return minimum == 0 ? next : new SecureVersionGate(minimum, next);
        }

        /// <summary>
        /// Checks the slot at slotOffset holding a written file of written bytes whose app image is imageLength bytes;
        /// byte 0 is read as magic (the session holds it back until the image is accepted). Returns null, or a note
        /// when an unsigned image passes because signing is not required; throws <see cref="SigningException"/> to
        /// refuse. buffer: at least one block (1216 bytes), 4 KB on the device.
        /// </summary>
        public string Check(int slotOffset, int imageLength, int written, byte magic, byte[] buffer)
        {
            SigningPolicy policy = _policy.Current;
            if (!policy.ChecksSignatures)
                return null;
            if (buffer == null || buffer.Length < SignatureFormat.BlockSize)
                throw new ArgumentException("the signature check needs a buffer of at least " + SignatureFormat.BlockSize.ToString() + " bytes", "buffer");
            int sector = SignatureFormat.SectorOffset(imageLength);
            if (written <= sector)
                return Unsigned(policy, "no signature sector after the image (" + imageLength.ToString() + " bytes)");
            if (written < sector + SignatureFormat.SectorSize)
                throw Refuse(SigningRefusal.TruncatedBlock, "the signature sector at " + Hex.Format(sector) + " ends after "
                    + (written - sector).ToString() + " of " + SignatureFormat.SectorSize.ToString() + " bytes; download the image again");
            byte[] imageDigest = ImagePartDigest(slotOffset, sector, magic, buffer);
            _flash.Read(slotOffset + sector, buffer, 0, SignatureFormat.BlockSize);
            SignatureBlock block = SignatureBlock.Read(buffer, 0, 0, _sha);
            if (!block.HasMagic)
                return Unsigned(policy, "the signature sector holds no block");
            string detail;
            SigningRefusal refusal = Judge(block, buffer, 0, imageDigest, policy, "the image", out detail);
            if (refusal == SigningRefusal.UnknownKey)
                detail += LaterBlockNote(slotOffset + sector, policy, buffer);
            if (refusal != null)
                throw Refuse(refusal, detail);
            return null;
        }

        /// <summary>
        /// Checks a bundle's detached manifest signature (Bundle/README.md): blocks[0, length) are the bytes of its
        /// manifest.sig entry (length 0: none), manifestDigest the SHA-256 of its manifest.json bytes. Block 0 decides by
        /// the image rule. Returns null, or a note when an unsigned bundle passes because signing is not required;
        /// throws <see cref="SigningException"/> to refuse. Writes nothing.
        /// </summary>
        public string CheckManifest(byte[] blocks, int length, byte[] manifestDigest)
        {
            SigningPolicy policy = _policy.Current;
            if (!policy.ChecksSignatures)
                return null;
            if (length == 0)
                return UnsignedManifest(policy, "the bundle has no manifest.sig entry; sign it with `ovmsota bundle sign`");
            if (length % SignatureFormat.BlockSize != 0 || length > SignatureFormat.MaxBlocks * SignatureFormat.BlockSize)
                throw RefuseManifest(SigningRefusal.TruncatedBlock, "manifest.sig is " + length.ToString() + " bytes, not 1 to "
                    + SignatureFormat.MaxBlocks.ToString() + " blocks of " + SignatureFormat.BlockSize.ToString() + "; download the bundle again");
            SignatureBlock block = SignatureBlock.Read(blocks, 0, 0, _sha);
            if (!block.HasMagic)
                return UnsignedManifest(policy, "manifest.sig holds no block");
            string detail;
            SigningRefusal refusal = Judge(block, blocks, 0, manifestDigest, policy, "manifest.json", out detail);
            if (refusal == SigningRefusal.UnknownKey)
            {
                for (int i = 1; i < length / SignatureFormat.BlockSize; i++)
                {
                    SignatureBlock later = SignatureBlock.Read(blocks, 0, i, _sha);
                    if (later.IsWellFormed && policy.Trusted.Contains(later.KeyDigest))
                        detail += LaterBlockText(i);
                }
            }
            if (refusal != null)
                throw RefuseManifest(refusal, detail);
            return null;
        }

        /// <summary>Block 0's checks after its magic: null when it is accepted, else the reason (and detail) to refuse.</summary>
        private SigningRefusal Judge(SignatureBlock block, byte[] bytes, int offset, byte[] digest, SigningPolicy policy, string subject, out string detail)
        {
            detail = null;
            if (block.Version != SignatureFormat.VersionRsa)
            {
                detail = "block 0 has version " + Hex.Format((uint)block.Version);
                return SigningRefusal.UnsupportedBlock;
            }
            if (!block.CrcValid)
            {
                detail = "block 0's CRC is " + Hex.Format(block.StoredCrc) + ", its bytes give " + Hex.Format(block.CalculatedCrc) + "; download it again";
                return SigningRefusal.BadCrc;
            }
            if (!block.Signs(digest))
            {
                detail = "block 0 signs " + Hex.Digest(block.ImageDigest, 0, SignatureFormat.DigestSize) + ", " + subject + " is "
                    + Hex.Digest(digest, 0, SignatureFormat.DigestSize) + "; it was changed after signing";
                return SigningRefusal.DigestMismatch;
            }
            string key = Hex.Digest(block.KeyDigest, 0, SignatureFormat.DigestSize);
            if (policy.Revoked.Contains(block.KeyDigest))
            {
                detail = "key " + key + " is in ota signing.revoked; ask for one signed with a current key";
                return SigningRefusal.RevokedKey;
            }
            if (!policy.Trusted.Contains(block.KeyDigest))
            {
                detail = "key " + key + " is not in ota signing.keys";
                return SigningRefusal.UnknownKey;
            }
            if (!_verifier.Verify(bytes, offset, digest))
            {
                detail = "block 0 with key " + key + " does not verify over " + subject + "; it is forged or damaged";
                return SigningRefusal.BadSignature;
            }
            return null;
        }

        /// <summary>SHA-256 of slot bytes [0, length) with byte 0 taken as magic, read in buffer-sized pieces.</summary>
        private byte[] ImagePartDigest(int slotOffset, int length, byte magic, byte[] buffer)
        {
            _sha.Reset();
            int done = 0;
            while (done < length)
            {
                int count = length - done < buffer.Length ? length - done : buffer.Length;
                _flash.Read(slotOffset + done, buffer, 0, count);
                if (done == 0)
                    buffer[0] = magic;
                _sha.Update(buffer, 0, count);
                done += count;
            }
            byte[] digest = new byte[SignatureFormat.DigestSize];
            _sha.Final(digest, 0);
            return digest;
        }

        /// <summary>" (block N's key is trusted, but the ESP32 checks block 0 only ...)" or "".</summary>
        private string LaterBlockNote(int sectorAddress, SigningPolicy policy, byte[] buffer)
        {
            for (int i = 1; i < SignatureFormat.MaxBlocks; i++)
            {
                _flash.Read(sectorAddress + i * SignatureFormat.BlockSize, buffer, 0, SignatureFormat.BlockSize);
                SignatureBlock later = SignatureBlock.Read(buffer, 0, 0, _sha);
                if (later.IsWellFormed && policy.Trusted.Contains(later.KeyDigest))
                    return LaterBlockText(i);
            }
            return "";
        }

        private static string LaterBlockText(int block)
        {
            return " (block " + block.ToString() + "'s key is trusted, but an ESP32 checks block 0 only: sign with the trusted key first)";
        }

        private static string UnsignedManifest(SigningPolicy policy, string detail)
        {
            if (policy.Required)
                throw RefuseManifest(SigningRefusal.Unsigned, detail + "; ota signing.required is on");
            return "unsigned bundle accepted (" + detail + "): ota signing.required is off";
        }

        private static string Unsigned(SigningPolicy policy, string detail)
        {
            if (policy.Required)
                throw Refuse(SigningRefusal.Unsigned, detail + "; ota signing.required is on");
            return "unsigned image accepted (" + detail + "): ota signing.required is off";
        }

        private static SigningException RefuseManifest(SigningRefusal reason, string detail)
        {
            return new SigningException(reason, "Signature check of the bundle's manifest failed (" + reason.Name + "): " + detail);
        }

        private static SigningException Refuse(SigningRefusal reason, string detail)
        {
            return new SigningException(reason, "Signature check failed: " + reason.Text + ": " + detail);
        }
    }
}
