using System;
using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Partitions;
using OvmsOta.Update;

namespace OvmsOta.Push
{
    /// <summary>
    /// The push endpoint's way into a module's engine: the same flash lock and streaming updater as `ota flash`,
    /// so a push and a shell flash exclude each other. The device and the simulator both serve pushes through
    /// this. A commit_timeout from the form becomes config `ota commit.timeout`, which the commit watchdog of the
    /// next boot uses; it is checked before the boot partition changes, so a bad value activates nothing.
    /// </summary>
    public sealed class EnginePushTarget : IPushTarget
    {
        const string StatusText = "OTA Push: Flashing image partition...";

        readonly ModuleSlots _slots;
        readonly Installer _installer;
        readonly ConfigStore _configStore;

        /// <summary>configStore: where a commit_timeout goes (null only on a boot that is restarting).</summary>
        public EnginePushTarget(ModuleSlots slots, Installer installer, ConfigStore configStore)
        {
            if (slots == null || installer == null)
                throw new ArgumentNullException(slots == null ? "slots" : "installer");
            _slots = slots;
            _installer = installer;
            _configStore = configStore;
        }

        public int Capacity
        {
            get
            {
                PartitionEntry target = _slots.NextTarget();
                return target == null ? 0 : target.Size;
            }
        }

        public IPushSession Begin(int imageSize)
        {
            InstallFailure refusal = _installer.UpdateRefusal();
            if (refusal != null)
                throw new PushException(PushStatus.Conflict, refusal.ShellText);
            if (!_installer.Lock.TryEnter())
                throw new PushException(PushStatus.Conflict, InstallLock.BusyText);
            try
            {
                _installer.Status.Set(StatusText);
                return new Session(_installer, _configStore, _installer.Updater.Begin(imageSize));
            }
            catch (Exception)
            {
                _installer.Status.Clear();
                _installer.Lock.Exit();
                throw;
            }
        }

        sealed class Session : IPushSession
        {
            readonly Installer _installer;
            readonly ConfigStore _configStore;
            readonly UpdateSession _update;
            bool _released;

            public Session(Installer installer, ConfigStore configStore, UpdateSession update)
            {
                _installer = installer;
                _configStore = configStore;
                _update = update;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                _update.Write(buffer, offset, count);
                _installer.Status.Progress((int)((long)_update.BytesWritten * 100 / _update.ExpectedSize));
            }

            public string End(int commitTimeoutSeconds)
            {
                // Stored before the switch: a store that refuses it must not leave an activated image behind a 500.
                if (commitTimeoutSeconds > 0)
                {
                    CheckCommitTimeout(commitTimeoutSeconds);
                    _configStore.Set(ConfigParams.Ota, ConfigParams.CommitTimeout, commitTimeoutSeconds.ToString());
                }
                PartitionEntry next = _update.End();
                Release();
                return next.Label;
            }

            public void Abort()
            {
                if (_update.IsOpen)
                    _update.Abort();
                Release();
            }

            static void CheckCommitTimeout(int seconds)
            {
                ConfigParam param = ConfigParams.Find(ConfigParams.Ota, ConfigParams.CommitTimeout);
                if (seconds < param.Min || seconds > param.Max)
                    throw new ConfigException("commit_timeout " + seconds.ToString() + " is outside " + param.Min.ToString()
                        + " to " + param.Max.ToString() + " seconds; nothing was activated");
            }

            void Release()
            {
                if (_released)
                    return;
                _released = true;
                _installer.Status.Clear();
                _installer.Lock.Exit();
            }
        }
    }
}
