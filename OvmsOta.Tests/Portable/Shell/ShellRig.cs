#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.Flash;
using OvmsOta.Module;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Shell;
using OvmsOta.Simulation;
using OvmsOta.Update;
using OvmsOta.Tests.Portable.OtaData;
using OvmsOta.Tests.Portable.Server;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>
    /// A module on a desk for shell tests: a sparse 16 MB SimulatedFlash with the OVMS v3-35 (or factory v3-30) table,
    /// images made by ImageBuilder, a fake HTTP transport and clocks, and the engine built from them.
    /// </summary>
    public sealed class ShellRig
    {
        public const string RunningVersion = "3.3.005-925-g3e67d4e6d-dirty";
        public const string OtherVersion = "3.3.005-922-g1a3378f1b";
        public const string Hardware = "OVMS WIFI BLE BT cores=2 rev=ESP32/3; MODEM SIM7600";

        public readonly SimulatedFlash Flash;
        public readonly FakeTransport Http = new FakeTransport();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeWallClock WallClock = new FakeWallClock();
        public readonly FakeNetwork Network = new FakeNetwork();
        public readonly RecordingLog Log = new RecordingLog();
        public readonly MemoryFiles Files = new MemoryFiles();
        public readonly FakeRebootPolicy RebootPolicy = new FakeRebootPolicy();
        public readonly OtaPlatform Platform;
        public OtaModule Module;

        /// <summary>A 2 MB module with 512 KB slots (for copy and erase sweeps that must stay small on nanoCLR).</summary>
        public const string SmallCsv =
            "nvs, data, nvs, 0x9000, 0x4000\n" +
            "otadata, data, ota, 0xd000, 0x2000\n" +
            "phy_init, data, phy, 0xf000, 0x1000\n" +
            "ota_0, app, ota_0, 0x10000, 0x80000\n" +
            "ota_1, app, ota_1, 0x90000, 0x80000\n" +
            "store, data, fat, 0x110000, 0x10000\n";

        public static ShellRig Small(string running)
        {
            SimulatedFlash flash = new SimulatedFlash(new MemorySectorStore(0x200000), 7);
            byte[] table = PartitionCsv.Parse(SmallCsv, flash.Size).ToBinary();
            flash.Write(PartitionTable.DefaultOffset, table, 0, table.Length);
            return new ShellRig(flash, running);
        }

        /// <summary>factory: the v3-30 table (factory, 4 MB slots) instead of v3-35; running: label or null.</summary>
        public ShellRig(bool factory, string running)
            : this(OtaDataVectors.FlashWithTable(factory, 7), running)
        {
        }

        public ShellRig(SimulatedFlash flash, string running)
        {
            Flash = flash;
            Platform = new OtaPlatform();
            Platform.Flash = Flash;
            Platform.RunningPartition = running;
            Platform.Http = Http;
            Platform.MonotonicClock = Clock;
            Platform.WallClock = WallClock;
            Platform.Network = Network;
            Platform.Hardware = new HardwareInfo(Hardware, "3.1", 3);
            // Chosen, not forgotten: the portable digests are what nanoCLR on a PC has (PortableDigests warns when none are bound).
            Platform.Sha256 = new ManagedSha256();
            Platform.ChecksumFold = new ManagedChecksumFold();
            FirmwareIdentity firmware = new FirmwareIdentity(RunningVersion, "v3.3.4-854-g9063c8662c", "May 13 2026", "20:13:48");
            firmware.VehicleId = "DEMO";
            Platform.Firmware = firmware;
            Platform.Log = Log;
            Platform.Notifier = Log;
            Platform.Files = Files;
            Platform.RebootPolicy = RebootPolicy;
            Platform.Background = new InlineRunner();
            Start();
        }

        /// <summary>The usual module: v3-35, running ota_1 and booting it, both slots holding images.</summary>
        public static ShellRig RunningOta1()
        {
            ShellRig rig = new ShellRig(false, "ota_1");
            rig.PutImage("ota_0", OtherVersion);
            rig.PutImage("ota_1", RunningVersion);
            rig.SetBoot("ota_1");
            rig.Flash.Counters.Clear();
            return rig;
        }

        /// <summary>(Re)builds the engine on the same flash, as a reboot would.</summary>
        public void Start()
        {
            Module = new OtaModule(Platform);
        }

        public PartitionEntry Partition(string label)
        {
            return Module.Engine.Slots.Table.Find(label);
        }

        /// <summary>Writes an ImageBuilder image of version into a partition (erasing what it needs).</summary>
        public byte[] PutImage(string label, string version)
        {
            byte[] image = new ImageBuilder(version).Build();
            PutBytes(label, image);
            return image;
        }

        public void PutBytes(string label, byte[] data)
        {
            PartitionEntry p = Partition(label);
            SlotEraser.Erase(Flash, p.Offset, SlotEraser.AlignUp(data.Length, FlashGeometry.SectorSize));
            Flash.Write(p.Offset, data, 0, data.Length);
        }

        public void SetBoot(string label)
        {
            int error = Module.Engine.Slots.BootSlots.SetBootPartition(Partition(label), Module.Engine.Installer.ImageCheck, false);
            Assert.AreEqual(EspError.Ok, error);
        }

        /// <summary>config set param instance value, asserting it was accepted.</summary>
        public void Set(string param, string instance, string value)
        {
            string[] lines = Run("config set " + param + " " + instance + " " + value);
            Assert.IsTrue(lines.Length == 0 || lines[0].IndexOf("Error") < 0, "config set refused: " + Join(lines));
        }

        /// <summary>Runs one line and returns its output lines.</summary>
        public string[] Run(string line)
        {
            ShellTranscript transcript = new ShellTranscript();
            Module.Execute(line, transcript);
            return transcript.Lines;
        }

        /// <summary>length bytes of flash as one array; larger regions are compared with a RegionSnapshot.</summary>
        public byte[] ReadRegion(int address, int length)
        {
            if (length > NanoClrLimits.LargestAllocation)
                throw new System.ArgumentOutOfRangeException("length", "ReadRegion reads at most " + NanoClrLimits.LargestAllocation.ToString()
                    + " bytes (nanoCLR's largest object is about 786 KB), asked for " + length.ToString() + ": compare large regions with a RegionSnapshot");
            byte[] data = new byte[length];
            Flash.Read(address, data, 0, length);
            return data;
        }

        public byte[] OtaData()
        {
            return OtaDataVectors.ReadOtaData(Flash);
        }

        /// <summary>Asserts two transcripts are equal line by line, naming the first difference.</summary>
        public static void Lines(string[] expected, string[] actual)
        {
            int common = expected.Length < actual.Length ? expected.Length : actual.Length;
            for (int i = 0; i < common; i++)
                Assert.AreEqual(expected[i], actual[i], "line " + i.ToString());
            Assert.AreEqual(expected.Length, actual.Length, "line count; output was:\n" + Join(actual));
        }

        public static string Join(string[] lines)
        {
            string text = string.Empty;
            for (int i = 0; i < lines.Length; i++)
                text = text + lines[i] + "\n";
            return text;
        }
    }
}
