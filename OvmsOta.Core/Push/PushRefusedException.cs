using System;

namespace OvmsOta.Push
{
    /// <summary>A push that cannot start now (flash lock busy, no target slot): answered 409, nothing written.</summary>
    public class PushRefusedException : Exception
    {
        public PushRefusedException(string message) : base(message) { }
    }
}
