using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Module;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Startup;
using OvmsOta.OtaData;
using OvmsOta.Shell;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// What Main runs (<see cref="ModuleStartup"/>) with a service that cannot start, an engine that cannot start and a
    /// restart asked while the engine starts: the commit watchdog's trial handling goes on whatever fails, each service
    /// starts on its own (its failure logged and retried), nothing is thrown out of the startup.
    /// </summary>
    [TestClass]
    public class ModuleStartupTests
    {
        private const int RetryMs = 60000;
        private const int MaxAttempts = 4;
        private const string NetworkFailure = "System.Net natives are not in this build";

        /// <summary>The parts a test hands the startup: a platform (or the failure building it) and a list of services.</summary>
        private sealed class TestParts : IModuleParts
        {
            private readonly Func<OtaPlatform> _platform;
            private readonly Func<OtaModule, ServiceStart[]> _services;

            public TestParts(Func<OtaPlatform> platform, Func<OtaModule, ServiceStart[]> services)
            {
                _platform = platform;
                _services = services;
            }

            public int ServicesAsked { get; private set; }

            public OtaPlatform CreatePlatform() => _platform();

            public ServiceStart[] Services(OtaModule engine)
            {
                ServicesAsked++;
                return _services(engine);
            }
        }

        /// <summary>Services that record their start; "network watch" throws at its first `failures` starts.</summary>
        private sealed class Services
        {
            public readonly List<string> Started = new List<string>();
            public int NetworkAttempts;

            public ServiceStart Recording(string name) => new ServiceStart(name, () => Started.Add(name));

            public ServiceStart FailingNetworkWatch(int failures) => new ServiceStart("network watch", () =>
            {
                NetworkAttempts++;
                if (NetworkAttempts <= failures)
                    throw new NotSupportedException(NetworkFailure);
                Started.Add("network watch");
            });
        }

        private static ModuleStartup Startup(ShellRig rig, ManualRetryTimer timer) => new ModuleStartup(rig.Log, timer, RetryMs, MaxAttempts);

        private readonly List<PeriodicTick> _ticks = new List<PeriodicTick>();

        [TestCleanup]
        public void StopTicks() => _ticks.ForEach(tick => tick.Stop());

        /// <summary>The commit watchdog's tick as the device starts it (a PeriodicTick on a real timer), every 10 ms.</summary>
        private ServiceStart WatchdogTick(OtaModule engine, ShellRig rig) => new ServiceStart("commit watchdog tick", () =>
        {
            var tick = new PeriodicTick("commit watchdog", engine.TickWatchdog, 10, rig.Log);
            _ticks.Add(tick);
            tick.Start();
        });

        private static void WaitUntil(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.IsTrue(clock.ElapsedMilliseconds < 10000, "waited 10 s for: " + what);
                Thread.Sleep(5);
            }
        }

        private static string[] Errors(ShellRig rig) => rig.Log.LogLines().Where(l => l.StartsWith("E ")).ToArray();

        [TestMethod]
        public void A_service_that_throws_at_start_is_logged_the_others_start_and_it_is_retried_until_it_runs()
        {
            var rig = ShellRig.RunningOta1();
            var timer = new ManualRetryTimer();
            var services = new Services();
            var parts = new TestParts(() => rig.Platform, engine => new[]
            {
                services.Recording("commit watchdog tick"), services.FailingNetworkWatch(2),
                services.Recording("ota shell"), services.Recording("push endpoint"), services.Recording("nightly update tick"),
            });

            Startup(rig, timer).Run(parts);

            CollectionAssert.AreEqual(new[] { "commit watchdog tick", "ota shell", "push endpoint", "nightly update tick" }, services.Started);
            CollectionAssert.AreEqual(new[] { "E network watch: start failed (attempt 1 of 4): NotSupportedException: " + NetworkFailure
                + "; retrying in 60 s" }, Errors(rig));
            Assert.IsTrue(timer.Pending, "a retry is scheduled");
            Assert.AreEqual(RetryMs, timer.Delay);

            timer.Fire();
            Assert.AreEqual(2, services.NetworkAttempts);
            Assert.IsTrue(timer.Pending, "failed again: retried again");
            timer.Fire();

            Assert.AreEqual(3, services.NetworkAttempts);
            Assert.AreEqual("network watch", services.Started.Last());
            Assert.AreEqual(5, services.Started.Count, "the services that run were not started twice");
            Assert.AreEqual("I network watch: started (attempt 3)", rig.Log.LogLines().Last());
            Assert.IsFalse(timer.Pending, "everything runs: no retry");
        }

        [TestMethod]
        public void A_service_that_never_starts_is_given_up_after_the_last_attempt()
        {
            var rig = ShellRig.RunningOta1();
            var timer = new ManualRetryTimer();
            var services = new Services();

            Startup(rig, timer).Run(new TestParts(() => rig.Platform, engine => new[] { services.FailingNetworkWatch(int.MaxValue) }));
            while (timer.Pending)
                timer.Fire();

            Assert.AreEqual(MaxAttempts, services.NetworkAttempts);
            StringAssert.EndsWith(Errors(rig).Last(), "(attempt 4 of 4): NotSupportedException: " + NetworkFailure
                + "; not retried until the next restart");
        }

        [TestMethod]
        public void The_watchdog_still_ticks_and_the_deadline_still_rolls_back_when_a_service_fails_at_start()
        {
            var module = new WatchedModule().UpdatedTo006("no");
            var timer = new ManualRetryTimer();
            var services = new Services();
            var startup = new ModuleStartup(module.Rig.Log, timer, RetryMs, MaxAttempts);

            startup.Run(new TestParts(() => module.Rig.Platform, engine => new[]
            {
                WatchdogTick(engine, module.Rig), services.FailingNetworkWatch(int.MaxValue), services.Recording("ota shell"),
            }));

            Assert.IsTrue(startup.Module.Engine.Trial.Watchdog.IsOnTrial, "the engine armed the trial");
            Assert.AreEqual(1, Errors(module.Rig).Length, "the network watch's failure is logged");
            CollectionAssert.AreEqual(new[] { "ota shell" }, services.Started);
            module.Rig.Clock.Milliseconds += CommitWatchdog.DefaultCommitTimeoutMs;
            WaitUntil(() => module.Reboot.Reasons.Count > 0, "the watchdog tick's deadline rollback");
            StringAssert.Contains(module.Reboot.Reasons[0], "was not confirmed within 600 s: rolling back");
            Thread.Sleep(50);   // more ticks
            timer.Fire();       // the network watch's retry
            module.Reboot.AssertNothingRanAfter();
            Assert.AreEqual(1, services.NetworkAttempts, "no retry once the restart is pending");
            Assert.AreEqual("ota_1", module.NextBoot(), "the update rolled back");
        }

        [TestMethod]
        public void A_watchdog_tick_after_a_failed_service_start_confirms_a_healthy_image()
        {
            var module = new WatchedModule().UpdatedTo006("yes");
            byte[] ver = System.Text.Encoding.UTF8.GetBytes("3.3.006\n");
            module.Rig.Http.Serve("http://api.openvehicles.com/firmware/ota/v3.3-5/main/ovms3.ver", new OvmsOta.Tests.Portable.Server.FakeResponse(
                200, ver.Length, null, new OvmsOta.Tests.Portable.Server.ScriptedBody(ver, module.Rig.Clock)));
            var services = new Services();
            var startup = new ModuleStartup(module.Rig.Log, new ManualRetryTimer(), RetryMs, MaxAttempts);

            startup.Run(new TestParts(() => module.Rig.Platform, engine => new[]
            {
                services.FailingNetworkWatch(int.MaxValue), WatchdogTick(engine, module.Rig),
            }));

            WaitUntil(() => !startup.Module.Engine.Trial.Watchdog.IsOnTrial, "the watchdog tick's confirmation");
            Assert.AreEqual(1, Errors(module.Rig).Length, "the network watch's failure is logged");
            StringAssert.Contains(string.Join("\n", module.Rig.Log.LogLines()), "Image on ota_0 confirmed: its health checks passed");
            Assert.AreEqual(0, module.Reboot.Reasons.Count);
            Assert.AreEqual("ota_0", module.NextBoot(), "committed");
        }

        [TestMethod]
        public void A_restart_asked_while_the_engine_starts_ends_the_startup_there()
        {
            // ota_0 runs although its only entry is ABORTED: the engine's start sends the module back to ota_1.
            var module = new WatchedModule();
            var otadata = new OtaDataPartition(module.Rig.Flash, module.Rig.Module.Engine.Slots.Table.OtaData);
            otadata.WriteEntry(0, OtaEntry.Create(1, OtaState.Aborted, null));
            otadata.WriteEntry(1, OtaEntry.Create(0xFFFFFFFF, OtaState.Undefined, null));
            module.Rig.Platform.RunningPartition = "ota_0";
            var timer = new ManualRetryTimer();
            var services = new Services();
            var parts = new TestParts(() => module.Rig.Platform, engine => new[] { services.Recording("ota shell") });

            Startup(module.Rig, timer).Run(parts);

            Assert.AreEqual(1, module.Reboot.Reasons.Count);
            module.Reboot.AssertNothingRanAfter();
            Assert.AreEqual(0, parts.ServicesAsked, "no service was even built");
            Assert.AreEqual(0, services.Started.Count);
            Assert.IsFalse(timer.Pending);
        }

        [TestMethod]
        public void An_engine_that_cannot_start_is_logged_and_nothing_is_thrown_out_of_the_startup()
        {
            var rig = ShellRig.RunningOta1();
            var timer = new ManualRetryTimer();
            var parts = new TestParts(() => throw new OvmsOta.Flash.FlashException("partition listing failed: ESP_FAIL (0xffffffff) at entry 0"),
                engine => throw new AssertFailedException("no engine: no services"));
            rig.Log.Lines.Clear();

            Startup(rig, timer).Run(parts);

            CollectionAssert.AreEqual(new[] { "E the OTA engine did not start: FlashException: partition listing failed: ESP_FAIL (0xffffffff) at entry 0; "
                + "no shell, push endpoint or commit watchdog tick on this boot" }, rig.Log.LogLines());
            Assert.AreEqual(0, parts.ServicesAsked);
            Assert.IsFalse(timer.Pending);
        }

        [TestMethod]
        public void The_device_retry_timer_runs_the_work_once_after_the_delay_and_can_be_armed_again()
        {
            var timer = new TimerRetry();
            int runs = 0;

            timer.After(20, () => Interlocked.Increment(ref runs));
            WaitUntil(() => Volatile.Read(ref runs) == 1, "the first retry");
            timer.After(20, () => Interlocked.Add(ref runs, 10));
            WaitUntil(() => Volatile.Read(ref runs) == 11, "the second retry");
            Thread.Sleep(100);

            Assert.AreEqual(11, Volatile.Read(ref runs), "each arming runs its work once");
        }

        [TestMethod]
        public void The_device_starts_the_watchdog_tick_first_then_network_shell_push_and_nightly_tick()
        {
            var rig = ShellRig.RunningOta1();

            ServiceStart[] services = new DeviceModule(new DeviceLog()).Services(rig.Module);

            CollectionAssert.AreEqual(new[] { "commit watchdog tick", "network watch", "ota shell", "push endpoint", "nightly update tick" },
                services.Select(s => s.Name).ToArray());
        }
    }
}
