using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Module;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Image;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// A v3-35 module running ota_1 (ShellRig) whose restarts return as on nanoCLR (<see cref="ReturningReboot"/>,
    /// watching its flash changes, log lines and notifications).
    /// </summary>
    public sealed class WatchedModule
    {
        public readonly ShellRig Rig = ShellRig.RunningOta1();
        public readonly ReturningReboot Reboot = new ReturningReboot();

        public WatchedModule()
        {
            Reboot.Watch("flash writes and erases", () => Enumerable.Repeat("change", Rig.Flash.Counters.Total.Changes))
                .Watch("log lines", () => Rig.Log.LogLines())
                .Watch("notifications", () => Rig.Log.NotificationLines());
            Rig.Platform.Reboot = Reboot;
            Rig.Start();
        }

        /// <summary>
        /// Installs 3.3.006 into ota_0 with `ota flash vfs`, then points the platform at ota_0 as the bootloader would
        /// (the next engine built on it starts the trial); commitAuto is `ota commit.auto`.
        /// </summary>
        public WatchedModule UpdatedTo006(string commitAuto)
        {
            Rig.Set("ota", "commit.auto", commitAuto);
            Rig.Files.Add("/sd/ovms3.bin", new ImageBuilder("3.3.006").Build());
            Assert.AreEqual("OTA flash was successful", Rig.Run("ota flash vfs /sd/ovms3.bin")[6]);
            Rig.Platform.RunningPartition = "ota_0";
            return this;
        }

        /// <summary><see cref="UpdatedTo006"/> and the engine started on it: on trial, rollback armed.</summary>
        public WatchedModule OnTrial(string commitAuto)
        {
            UpdatedTo006(commitAuto);
            Rig.Start();
            Assert.IsTrue(Rig.Module.Engine.Trial.Watchdog.IsOnTrial);
            return this;
        }

        /// <summary>What the bootloader (rollback off, as on deployed modules) starts next.</summary>
        public string NextBoot()
        {
            return new BootloaderModel(Rig.Flash, Rig.Module.Engine.Slots.Table,
                new SlotImageCheck(Rig.Flash, new ImageValidator(), new byte[4096]), false).Boot().Partition.Label;
        }
    }
}
