using System;

namespace OvmsOta.Signing
{
    /// <summary>A signature check refused an image: the reason and a message that says what to do.</summary>
    public sealed class SigningException : Exception
    {
        public SigningException(SigningRefusal reason, string message)
            : base(message)
        {
            Reason = reason;
        }

        public SigningRefusal Reason { get; }
    }
}
