using System;
using System.Threading;
using OvmsOta.Module;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// Starts services each on its own: one whose start throws is logged and tried again after a delay (on the retry
    /// timer's thread, never a busy loop), up to a number of attempts, and never keeps the next one from starting.
    /// Nothing is thrown to the caller. Once a restart is pending nothing more is started.
    /// </summary>
    public sealed class ServiceStarter
    {
        private readonly OtaModule _module;
        private readonly IOtaLog _log;
        private readonly IRetryTimer _timer;
        private readonly int _retryMilliseconds;
        private readonly int _maxAttempts;
        private ServiceStart[] _services = new ServiceStart[0];

        public ServiceStarter(OtaModule module, IOtaLog log, IRetryTimer timer, int retryMilliseconds, int maxAttempts)
        {
            if (module == null || log == null || timer == null)
                throw new ArgumentNullException(module == null ? "module" : log == null ? "log" : "timer");
            if (maxAttempts < 1)
                throw new ArgumentOutOfRangeException("maxAttempts", "at least one attempt, got " + maxAttempts.ToString());
            _module = module;
            _log = log;
            _timer = timer;
            _retryMilliseconds = retryMilliseconds;
            _maxAttempts = maxAttempts;
        }

        /// <summary>Starts every service in order; schedules a retry when one failed.</summary>
        public void StartAll(ServiceStart[] services)
        {
            _services = services;
            StartPending();
        }

        /// <summary>One attempt for each service not running and not given up; then a retry if any is left.</summary>
        private void StartPending()
        {
            if (_module.RebootPending)
                return;
            bool retry = false;
            for (int i = 0; i < _services.Length; i++)
            {
                ServiceStart service = _services[i];
                if (service.Started || service.Attempts >= _maxAttempts)
                    continue;
                if (!TryStart(service) && service.Attempts < _maxAttempts)
                    retry = true;
            }
            if (retry)
                ScheduleRetry();
        }

        private bool TryStart(ServiceStart service)
        {
            try
            {
                service.Attempt();
            }
            catch (Exception e)
            {
                Say(false, service.Name + ": start failed (attempt " + service.Attempts.ToString() + " of " + _maxAttempts.ToString() + "): "
                    + ExceptionText.Of(e) + (service.Attempts < _maxAttempts
                        ? "; retrying in " + (_retryMilliseconds / 1000).ToString() + " s" : "; not retried until the next restart"));
                return false;
            }
            if (service.Attempts > 1)
                Say(true, service.Name + ": started (attempt " + service.Attempts.ToString() + ")");
            return true;
        }

        private void ScheduleRetry()
        {
            try
            {
                _timer.After(_retryMilliseconds, new ThreadStart(StartPending));
            }
            catch (Exception e)
            {
                Say(false, "service retry could not be scheduled: " + ExceptionText.Of(e) + "; the services above stay stopped until the next restart");
            }
        }

        /// <summary>Logs without ever throwing: a failing log must not keep the next service from starting.</summary>
        private void Say(bool info, string text)
        {
            try
            {
                if (info)
                    _log.Info(text);
                else
                    _log.Error(text);
            }
            catch (Exception)
            {
            }
        }
    }
}
