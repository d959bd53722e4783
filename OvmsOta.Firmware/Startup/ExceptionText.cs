using System;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>An exception for the log: its type and message (nanoCLR's own exceptions often have no message).</summary>
    public static class ExceptionText
    {
        public static string Of(Exception e)
        {
            // Object.GetType: .NET's Exception hides it with its own, which nanoFramework does not have.
            string type = ((object)e).GetType().Name;
            string message = e.Message;
            return message == null || message.Length == 0 ? type : type + ": " + message;
        }
    }
}
