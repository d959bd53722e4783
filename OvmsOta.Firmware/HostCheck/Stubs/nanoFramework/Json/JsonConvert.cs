using System;

namespace nanoFramework.Json
{
    /// <summary>nanoFramework.Json's JsonConvert: the two calls the firmware's NanoJsonCodec makes.</summary>
    public static class JsonConvert
    {
        public static object DeserializeObject(string sourceString, Type type, JsonSerializerOptions options)
        {
            throw new NotSupportedException("host stub of nanoFramework.Json.JsonConvert: runs on the device only");
        }

        public static string SerializeObject(object oSource)
        {
            throw new NotSupportedException("host stub of nanoFramework.Json.JsonConvert: runs on the device only");
        }
    }
}
