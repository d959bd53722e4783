using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Schedule
{
    /// <summary>
    /// OVMS's partition-type notification (reference 4d), sent at start (system.start): on a table that is not v3-35,
    /// when the running version is at least `ota parttype.notifyversion` and `ota parttype.notified` is not yet set,
    /// an info notification `ota.partitiontype` says the 4 MB slots will soon stop OTA; then parttype.notified is set,
    /// so it goes out once. Without a notification channel it is not marked sent and the log says so.
    /// </summary>
    public sealed class PartitionTypeNotice
    {
        public const string Subtype = "ota.partitiontype";
        public const string NoChannelText = "Partition type notification not sent, no channel available yet";

        private readonly ModuleSlots _slots;
        private readonly OtaConfig _config;
        private readonly string _runningVersion;
        private readonly INotifier _notifier;
        private readonly IOtaLog _log;

        /// <summary>notifier: the platform's channel, or null when it has none.</summary>
        public PartitionTypeNotice(ModuleSlots slots, OtaConfig config, string runningVersion, INotifier notifier, IOtaLog log)
        {
            _slots = slots;
            _config = config;
            _runningVersion = runningVersion;
            _notifier = notifier;
            _log = log;
        }

        /// <summary>Sends the notification when due; true when it was sent now.</summary>
        public bool Check()
        {
            if (_config == null || _slots.Layout == OvmsLayout.V3_35 || _slots.Layout == OvmsLayout.Device || _config.ParttypeNotified)
                return false;
            if (_runningVersion == null || VersionComparer.StrVersCmp(_runningVersion, _config.ParttypeNotifyVersion) < 0)
                return false;
            if (_notifier == null)
            {
                _log.Info(NoChannelText);
                return false;
            }
            _notifier.Info(Subtype, InstallRun.PartitionTypeInfo);
            try
            {
                _config.SetParttypeNotified();
            }
            catch (ConfigException e)
            {
                _log.Warning("Cannot record the partition type notification: " + e.Message);
            }
            return true;
        }
    }
}
