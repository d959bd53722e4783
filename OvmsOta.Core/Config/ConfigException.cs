using System;

namespace OvmsOta.Config
{
    /// <summary>
    /// A refused configuration change (unknown parameter, bad value, no room): the message is the text the owner sees,
    /// starting with "Error: ". Nothing was written to flash when this is thrown.
    /// </summary>
    public class ConfigException : Exception
    {
        public ConfigException(string message) : base(message) { }
    }
}
