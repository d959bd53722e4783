using System;
using System.Threading;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Startup;

namespace OvmsOta.Firmware
{
    /// <summary>Entry point of the nanoFramework application on the OVMS module.</summary>
    public class Program
    {
        // The startup holds the retry timer and the services it started: kept for the life of the application.
        private static ModuleStartup _startup;

        /// <summary>
        /// Starts the module (<see cref="ModuleStartup"/>: the engine, then each service on its own) and never returns:
        /// nanoCLR ends the application, timers included, once no thread is ready or waiting, and an exception out of
        /// Main ends it with no log line. So everything is caught and logged, and the thread then waits for good.
        /// </summary>
        public static void Main()
        {
            DeviceLog log = null;
            try
            {
                log = new DeviceLog();
                _startup = new ModuleStartup(log, new TimerRetry());
                _startup.Run(new DeviceModule(log));
            }
            catch (Exception e)
            {
                LastWord(log, e);
            }
            while (true)
                Thread.Sleep(Timeout.Infinite);
        }

        /// <summary>Logs what escaped the startup (it should not: Run catches); never throws.</summary>
        private static void LastWord(DeviceLog log, Exception e)
        {
            try
            {
                if (log != null)
                    log.Error("startup: " + ExceptionText.Of(e) + "; the module runs on with what started");
            }
            catch (Exception)
            {
            }
        }
    }
}
