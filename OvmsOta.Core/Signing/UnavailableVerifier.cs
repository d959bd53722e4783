namespace OvmsOta.Signing
{
    /// <summary>The verifier of a platform that binds none: every signature is refused, saying why.</summary>
    public sealed class UnavailableVerifier : ISignatureVerifier
    {
        public bool Verify(byte[] block, int offset, byte[] digest)
        {
            throw new SigningException(SigningRefusal.BadSignature, "Signature check failed: this firmware binds no RSA verifier "
                + "(OtaPlatform.SignatureVerifier), so it cannot check signed images; clear ota signing.keys or install firmware that can");
        }
    }
}
