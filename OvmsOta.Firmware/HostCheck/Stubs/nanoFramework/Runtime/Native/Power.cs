using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>nanoFramework.Runtime.Native's Power: only the overload the firmware calls (the device has no parameterless one).</summary>
    public class Power
    {
        public static void RebootDevice(RebootOption options)
        {
            throw new NotSupportedException("host stub of nanoFramework.Runtime.Native.Power: runs on the device only");
        }
    }
}
