using System;
using OvmsOta.Config;
using OvmsOta.Signing;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The signing policy as config holds it, read at the start of each update: `ota signing.keys`, `ota
    /// signing.revoked`, `ota signing.required` (default yes, in force once a key is set) and `ota
    /// signing.min_secure_version`. A stored list that no longer parses refuses every image rather than checking none.
    /// </summary>
    public sealed class ConfigSigningPolicy : ISigningPolicySource
    {
        private readonly OtaConfig _config;

        public ConfigSigningPolicy(OtaConfig config)
        {
            if (config == null)
                throw new ArgumentNullException("config");
            _config = config;
        }

        public SigningPolicy Current
        {
            get
            {
                uint minimum = (uint)_config.MinSecureVersion;
                try
                {
                    KeyList trusted = KeyList.Parse(_config.SigningKeys);
                    KeyList revoked = KeyList.Parse(_config.SigningRevoked);
                    return new SigningPolicy(trusted, revoked, trusted.Count > 0 && _config.SigningRequired, minimum);
                }
                catch (ArgumentException)
                {
                    return new SigningPolicy(KeyList.Empty, KeyList.Empty, true, minimum);
                }
            }
        }
    }
}
