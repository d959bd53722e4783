using System;
using OvmsOta.Shell;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// What Main runs, so that the module keeps its promise whatever fails:
    /// 1. the engine, whose constructor runs the commit watchdog's start step (arms the rollback of an image on trial)
    ///    before anything that can fail around it starts;
    /// 2. the services (first the watchdog's tick), each on its own through <see cref="ServiceStarter"/>: one that fails
    ///    is logged and retried, the others and the watchdog's trial handling go on.
    /// Never throws. An engine that cannot be built is logged and the module runs without shell, push or tick (it is
    /// built once per boot: a second start would read its own armed rollback as a failed one). A restart asked while
    /// the engine starts ends the startup there.
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
        private OtaEngine _engine;
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

        /// <summary>The engine once built, else null.</summary>
        public OtaEngine Engine { get { return _engine; } }

        /// <summary>Builds the engine, then starts the services. Never throws.</summary>
        public void Run(IModuleParts parts)
        {
            _engine = StartEngine(parts);
            if (_engine == null || _engine.RebootPending)
                return;
            SayRunning();
            try
            {
                _starter = new ServiceStarter(_engine, _log, _timer, _retryMilliseconds, _maxAttempts);
                _starter.StartAll(parts.Services(_engine));
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
                _log.Info("running " + _engine.RunningLabel + ", " + _engine.FullVersion);
            }
            catch (Exception e)
            {
                Error("version unknown: " + ExceptionText.Of(e));
            }
        }

        private OtaEngine StartEngine(IModuleParts parts)
        {
            try
            {
                return new OtaEngine(parts.CreatePlatform());
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
