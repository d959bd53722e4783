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
    /// this. A commit_timeout from the form holds for that update's trial only (recorded in its otadata entry, which
    /// the commit watchdog of the next boot reads); `ota commit.timeout` is not changed.
    /// </summary>
    public sealed class EnginePushTarget : IPushTarget
    {
        const string StatusText = "OTA Push: Flashing image partition...";

        readonly ModuleSlots _slots;
        readonly Installer _installer;

        public EnginePushTarget(ModuleSlots slots, Installer installer)
        {
            if (slots == null || installer == null)
                throw new ArgumentNullException(slots == null ? "slots" : "installer");
            _slots = slots;
            _installer = installer;
        }

        public int Capacity
        {
            get
            {
                PartitionEntry target = _slots.NextTarget();
                return target == null ? 0 : _installer.CapacityOf(target);
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
                return new Session(_installer, _installer.BeginFirmware(imageSize, null));
            }
            catch (Exception)
            {
                _installer.Status.Clear();
                _installer.Lock.Exit();
                throw;
            }
        }

        /// <summary>
        /// Why a push's commit_timeout cannot be used, or null: it must lie in `ota commit.timeout`'s range (60 to
        /// 86400 s). 0 is refused too: Mongoose OS reads it as "no trial", which would give up the rollback.
        /// </summary>
        public static string CommitTimeoutRefusal(int seconds)
        {
            ConfigParam param = ConfigParams.Find(ConfigParams.Ota, ConfigParams.CommitTimeout);
            if (seconds >= param.Min && seconds <= param.Max)
                return null;
            return "commit_timeout " + seconds.ToString() + " is outside " + param.Min.ToString() + " to " + param.Max.ToString()
                + " seconds" + (seconds == 0 ? " (leave it out to use ota commit.timeout)" : string.Empty);
        }

        sealed class Session : IPushSession, ISelfDelimitingSession
        {
            readonly Installer _installer;
            readonly FirmwareSession _update;
            bool _released;

            public Session(Installer installer, FirmwareSession update)
            {
                _installer = installer;
                _update = update;
            }

            /// <summary>A bundle ends at its ZIP central directory, whatever size the endpoint estimated.</summary>
            public bool SelfDelimiting { get { return _update.IsBundle; } }

            public void Write(byte[] buffer, int offset, int count)
            {
                _update.Write(buffer, offset, count);
                _installer.Status.Progress((int)((long)_update.BytesWritten * 100 / _update.ExpectedSize));
            }

            public string End(int commitTimeoutSeconds)
            {
                // For this update's trial only (as Mongoose OS's commit_timeout): written with the switch into the
                // new otadata entry; `ota commit.timeout` stays as the owner set it.
                if (commitTimeoutSeconds != 0)
                    CheckCommitTimeout(commitTimeoutSeconds);
                PartitionEntry next = _update.End(commitTimeoutSeconds);
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
                string refusal = CommitTimeoutRefusal(seconds);
                if (refusal != null)
                    throw new ConfigException(refusal + "; nothing was activated");
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
