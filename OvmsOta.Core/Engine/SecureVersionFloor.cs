using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>
    /// Anti-rollback's rising minimum, as ESP-IDF burns secure_version into eFuse once an image is confirmed: when the
    /// running image is committed (and at every start of a committed image, so a power cut between the commit and this
    /// write heals at the next boot), `ota signing.min_secure_version` rises to its app description's secure_version.
    /// It never falls. One config write, only when the value is higher.
    /// </summary>
    public sealed class SecureVersionFloor
    {
        private const int FieldsRead = 8; // app description magic and secure_version
        private readonly IFlash _flash;
        private readonly PartitionEntry _running;
        private readonly OtaConfig _config;
        private readonly IOtaLog _log;
        private readonly byte[] _fields = new byte[FieldsRead];

        public SecureVersionFloor(IFlash flash, PartitionEntry running, OtaConfig config, IOtaLog log)
        {
            _flash = flash;
            _running = running;
            _config = config;
            _log = log;
        }

        /// <summary>The running image's secure_version, or -1 when it has no readable app description.</summary>
        public long RunningSecureVersion()
        {
            if (_running == null)
                return -1;
            int at = _running.Offset + ImageFormat.AppDescriptionOffset;
            _flash.Read(at, _fields, 0, FieldsRead);
            if (LittleEndian.ReadUInt32(_fields, AppDescription.MagicOffset) != ImageFormat.AppDescriptionMagic)
                return -1;
            return LittleEndian.ReadUInt32(_fields, AppDescription.SecureVersionOffset);
        }

        /// <summary>Raises the minimum to the running image's secure_version; call it only for a committed image.</summary>
        public void Raise()
        {
            if (_config == null)
                return;
            try
            {
                long version = RunningSecureVersion();
                if (version <= 0 || version > int.MaxValue)
                    return;
                if (_config.RaiseMinSecureVersion((int)version))
                    _log.Info("Anti-rollback: ota signing.min_secure_version raised to " + version.ToString());
            }
            catch (FlashException e)
            {
                _log.Warning("Anti-rollback: cannot read the running image's secure_version: " + e.Message);
            }
            catch (ConfigException e)
            {
                _log.Warning("Anti-rollback: cannot raise ota signing.min_secure_version: " + e.Message);
            }
        }
    }
}
