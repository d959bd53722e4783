using System.IO;
using System.Threading;
using OvmsOta.Engine;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Schedule
{
    /// <summary>
    /// OVMS's SD card auto flash (reference 4c): when the card is mounted (at boot) and holds /sd/ovms3.bin, that image
    /// is flashed with no version check and no notification, only "AutoFlashSD" log lines; on success /sd/ovms3.done is
    /// deleted, ovms3.bin renamed to ovms3.done (so it is not flashed again) and the module restarts after 5 s. Runs on
    /// the background runner, under the install lock, and not while an image is on trial (that would overwrite the way back).
    /// </summary>
    public sealed class SdCardFlash
    {
        public const string ImagePath = "/sd/ovms3.bin";
        public const string DonePath = "/sd/ovms3.done";
        public const string StatusPrefix = "OTA Auto Flash SD: ";

        private readonly ModuleSlots _slots;
        private readonly Installer _installer;
        private readonly IFileAccess _files;
        private readonly IMonotonicClock _clock;
        private readonly IBackgroundRunner _background;
        private readonly RebootGate _reboot;
        private readonly IOtaLog _log;
        private int _restartDelay = AutoUpdateJob.RestartDelayMilliseconds;

        /// <summary>files null: no card, nothing to do; reboot null: the owner restarts the module.</summary>
        public SdCardFlash(ModuleSlots slots, Installer installer, IFileAccess files, IMonotonicClock clock, IBackgroundRunner background,
            RebootGate reboot)
        {
            _slots = slots;
            _installer = installer;
            _files = files;
            _clock = clock;
            _background = background;
            _reboot = reboot;
            _log = installer.Log;
        }

        /// <summary>Pause between the flash and the restart (OVMS: 5 s).</summary>
        public int RestartDelay { get { return _restartDelay; } set { _restartDelay = value; } }

        /// <summary>OVMS's sd.mounted handler: starts the flash in the background when the card holds ovms3.bin.</summary>
        public bool CardMounted()
        {
            if (_files == null || _files.Length(ImagePath) < 0)
                return false;
            _background.Start(new ThreadStart(RunTask));
            return true;
        }

        private void RunTask()
        {
            Run();
        }

        /// <summary>The flash itself, on the caller's thread; true when the image went in and the module restarts.</summary>
        public bool Run()
        {
            if (_reboot != null && _reboot.IsPending)
                return false;
            InstallFailure refusal = _installer.UpdateRefusal();
            if (refusal != null)
            {
                _log.Warning("AutoFlashSD " + refusal.ShellText);
                return false;
            }
            if (!_installer.Lock.TryEnter())
            {
                _log.Warning("AutoFlashSD " + InstallLock.BusyText);
                return false;
            }
            int size;
            PartitionEntry target;
            try
            {
                target = _slots.NextTarget();
                size = Flash(target);
            }
            finally
            {
                _installer.Status.Clear();
                _installer.Lock.Exit();
            }
            if (size < 0)
                return false;
            _files.Delete(DonePath);
            if (!_files.Rename(ImagePath, DonePath))
                _log.Error("AutoFlashSD Error: ovms3.bin could not be renamed to ovms3.done - check before rebooting");
            _log.Info("AutoFlashSD OTA flash successful: Flashed " + size.ToString() + " bytes, and booting from '" + target.Label + "'");
            _clock.Pause(_restartDelay);
            if (_reboot != null)
                _reboot.Reboot("FirmwareUpdate");
            return true;
        }

        /// <summary>Returns the bytes flashed, or -1 after logging why not.</summary>
        private int Flash(PartitionEntry target)
        {
            if (_slots.Running == null || target == null || target == _slots.Running)
            {
                _log.Warning("AutoFlashSD: Running or target partition cannot be determined");
                return -1;
            }
            int size = _files.Length(ImagePath);
            AutoFlashNarrator narrator = new AutoFlashNarrator(_log, StatusPrefix + "Flashing image paritition...", "AutoFlashSD: ");
            InstallRun run = new InstallRun(_installer, target, narrator, StatusPrefix);
            Stream file = null;
            try
            {
                run.CheckCapacity(size);
                file = _files.OpenRead(ImagePath);
                if (file == null)
                {
                    _log.Error("AutoFlashSD: Cannot open " + ImagePath);
                    return -1;
                }
                run.Begin(size);
                // OVMS's status text, its spelling kept.
                run.Status(StatusPrefix + "Flashing image paritition...");
                run.WriteFile(file, size);
                run.BootText = StatusPrefix + "Setting boot partition...";
                _log.Info(StatusPrefix + "Finalising flash image...");
                run.Finish();
                return size;
            }
            catch (ReportedException)
            {
                run.Abort();
                return -1;
            }
            finally
            {
                if (file != null)
                    file.Dispose();
            }
        }
    }
}
