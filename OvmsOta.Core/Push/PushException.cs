using System;

namespace OvmsOta.Push
{
    /// <summary>A request the endpoint refuses or cannot finish: the status to answer and the text to send.</summary>
    public class PushException : Exception
    {
        public PushException(int status, string message) : base(message)
        {
            Status = status;
        }

        public int Status { get; private set; }
    }
}
