using System;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// A bundle (fw.zip) was refused: the message says what is wrong with it in words an owner can act on;
    /// <see cref="Error"/> is the <see cref="BundleError"/> value.
    /// </summary>
    public class BundleException : Exception
    {
        public BundleException(int error, string message) : base(message)
        {
            Error = error;
        }

        public BundleException(int error, string message, Exception inner) : base(message, inner)
        {
            Error = error;
        }

        public int Error { get; private set; }
    }
}
