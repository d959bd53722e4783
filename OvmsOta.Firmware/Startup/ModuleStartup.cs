using System;
using OvmsOta.Module;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// What Main runs, so that the module keeps its promise whatever fails:
    /// 1. the module, whose constructor runs the commit watchdog's start step (arms the rollback of an image on trial)
    ///    before anything that can fail around it starts;
    /// 2. the services (first the watchdog's tick), each on its own through <see cref="ServiceStarter"/>: one that fails
    ///    is logged and retried, the others and the watchdog's trial handling go on.
    /// Never throws. A module that cannot be built is logged and the module runs without shell, push or tick (it is
    /// built once per boot: a second start would read its own armed rollback as a failed one). A restart asked while
    /// the module starts ends the startup there.
    /// </summary>
    public sealed class ModuleStartup
    {
        /// <summary>A service that failed to start is tried again each minute ...</summary>
        public const int RetryMilliseconds = 60 * 1000;

        /// <summary>... for half an hour (a failure that outlasts that is not transient; the log says so).</summary>
        public const int MaxAttempts = 30;

        private readonly IOtaLog _log;
        private readonly IRetryTimer _timer;
        private readonly int _retryMilliseconds;
        private readonly int _maxAttempts;
        private OtaModule _module;
        private ServiceStarter _starter;

        public ModuleStartup(IOtaLog log, IRetryTimer timer)
            : this(log, timer, RetryMilliseconds, MaxAttempts)
        {
        }

        public ModuleStartup(IOtaLog log, IRetryTimer timer, int retryMilliseconds, int maxAttempts)
        {
            if (log == null || timer == null)
                throw new ArgumentNullException(log == null ? "log" : "timer");
            _log = log;
            _timer = timer;
            _retryMilliseconds = retryMilliseconds;
            _maxAttempts = maxAttempts;
        }

        /// <summary>The module once built, else null.</summary>
        public OtaModule Module { get { return _module; } }

        /// <summary>Builds the module, then starts the services. Never throws.</summary>
        public void Run(IModuleParts parts)
        {
            _module = StartModule(parts);
            if (_module == null || _module.RebootPending)
                return;
            SayRunning();
            try
            {
                // system.start: the partition-type notice (the device has no SD binding yet, so no card flash).
                _module.Started();
            }
            catch (Exception e)
            {
                Error("start-up checks failed: " + ExceptionText.Of(e));
            }
            try
            {
                _starter = new ServiceStarter(_module, _log, _timer, _retryMilliseconds, _maxAttempts);
                _starter.StartAll(parts.Services(_module));
            }
            catch (Exception e)
            {
                Error("startup of the services failed: " + ExceptionText.Of(e));
            }
        }

        /// <summary>"running ota_1, 3.3.005-.../ota_1/main (build ...)"; a failure here must not keep the services from starting.</summary>
        private void SayRunning()
        {
            try
            {
                _log.Info("running " + _module.Engine.Slots.RunningLabel + ", " + _module.Engine.Server.FullVersion);
            }
            catch (Exception e)
            {
                Error("version unknown: " + ExceptionText.Of(e));
            }
        }

        private OtaModule StartModule(IModuleParts parts)
        {
            try
            {
                return new OtaModule(parts.CreatePlatform());
            }
            catch (Exception e)
            {
                Error("the OTA engine did not start: " + ExceptionText.Of(e) + "; no shell, push endpoint or commit watchdog tick on this boot");
                return null;
            }
        }

        private void Error(string text)
        {
            try
            {
                _log.Error(text);
            }
            catch (Exception)
            {
            }
        }
    }
}
