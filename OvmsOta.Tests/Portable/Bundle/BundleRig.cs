#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Simulation;
using OvmsOta.Tests.Portable.Flash;
using OvmsOta.Tests.Portable.Shell;

namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>
    /// A module on OvmsOta's device layout, small enough for sweeps on nanoCLR (2 MB: 512 KB app slots, 128 KB deploy
    /// partitions): running the pair ota_0 + deploy_0, the inactive pair ota_1 + deploy_1 holding an older pair, the
    /// build's JSON binding, and bundles made by BundleBuilder.
    /// </summary>
    public sealed class BundleRig
    {
        public const string DeviceCsv =
            "nvs, data, nvs, 0x9000, 0x4000\n" +
            "otadata, data, ota, 0xd000, 0x2000\n" +
            "phy_init, data, phy, 0xf000, 0x1000\n" +
            "ota_0, app, ota_0, 0x10000, 0x80000\n" +
            "ota_1, app, ota_1, 0x90000, 0x80000\n" +
            "deploy_0, data, 0x84, 0x110000, 0x20000\n" +
            "deploy_1, data, 0x84, 0x130000, 0x20000\n" +
            "config, data, littlefs, 0x150000, 0x10000\n" +
            "store, data, fat, 0x160000, 0xa0000\n";

        public const string RunningVersion = "3.3.005-10-gaaaaaaa";
        public const string OlderVersion = "3.3.004-1-gbbbbbbb";
        public const string NewVersion = "3.3.006-2-gccccccc";

        public readonly ShellRig Shell;
        public readonly BundleBuilder Running;
        public readonly BundleBuilder Older;
        public readonly BundleBuilder New;

        // Made once, on first use (sweeps build a rig per cut). Not in static initialisers: on nanoCLR those left the
        // fields null (seen as a NullReferenceException in every bundle install test), as type initialisation there
        // does not wait for what BundleBuilder.Demo needs from OvmsOta.Simulation.
        private static BundleBuilder s_runningPair;
        private static BundleBuilder s_olderPair;
        private static BundleBuilder s_newPair;

        public BundleRig() : this(null)
        {
        }

        /// <summary>verifier: the platform's signature verifier (signing is then decided by config `ota signing.*`); null: none.</summary>
        public BundleRig(OvmsOta.Signing.ISignatureVerifier verifier)
        {
            if (s_runningPair == null)
            {
                s_runningPair = BundleBuilder.Demo(RunningVersion, 20000, 600);
                s_olderPair = BundleBuilder.Demo(OlderVersion, 18000, 500);
                s_newPair = BundleBuilder.Demo(NewVersion, 24000, 700);
            }
            Running = s_runningPair;
            Older = s_olderPair;
            New = s_newPair;
            SimulatedFlash flash = new SimulatedFlash(new MemorySectorStore(0x200000), 7);
            byte[] table = PartitionCsv.Parse(DeviceCsv, flash.Size).ToBinary();
            flash.Write(PartitionTable.DefaultOffset, table, 0, table.Length);
            Shell = new ShellRig(flash, "ota_0");
            Shell.Platform.Json = PortableJson.Codec();
            Shell.Platform.Deflate = OvmsOta.Tests.Portable.Compression.PortableDeflate.Decoder();
            Shell.Platform.BundleSha256 = new ManagedSha256();
            Shell.Platform.SignatureVerifier = verifier;
            Shell.PutBytes("ota_0", Running.App);
            Shell.PutBytes("deploy_0", Running.Deploy);
            Shell.PutBytes("ota_1", Older.App);
            Shell.PutBytes("deploy_1", Older.Deploy);
            Shell.Start();
            Shell.SetBoot("ota_0");
            Shell.Start();
            Shell.Flash.Counters.Clear();
        }

        public SimulatedFlash Flash { get { return Shell.Flash; } }

        public PartitionEntry Partition(string label)
        {
            return Shell.Partition(label);
        }

        /// <summary>`ota flash vfs` of data as /sd/fw.zip; returns the shell's lines.</summary>
        public string[] FlashVfs(byte[] data)
        {
            Shell.Files.Add("/sd/fw.zip", data);
            return Shell.Run("ota flash vfs /sd/fw.zip");
        }

        /// <summary>Everything outside the inactive pair (ota_1, deploy_1), to check a refusal or cut changed none of it.</summary>
        public RegionSnapshot[] OutsideInactivePair()
        {
            PartitionEntry app = Partition("ota_1");
            PartitionEntry deploy = Partition("deploy_1");
            return new RegionSnapshot[]
            {
                new RegionSnapshot(Flash, 0, app.Offset),
                new RegionSnapshot(Flash, app.End, deploy.Offset - app.End),
                new RegionSnapshot(Flash, deploy.End, Flash.Size - deploy.End),
            };
        }

        public void AssertUnchanged(RegionSnapshot[] snapshots, string what)
        {
            for (int i = 0; i < snapshots.Length; i++)
                snapshots[i].AssertUnchanged(Flash, what);
        }

        /// <summary>True when the partition starts with exactly data.</summary>
        public bool Holds(string label, byte[] data)
        {
            PartitionEntry p = Partition(label);
            byte[] buffer = new byte[4096];
            for (int at = 0; at < data.Length; at += buffer.Length)
            {
                int count = data.Length - at < buffer.Length ? data.Length - at : buffer.Length;
                Flash.Read(p.Offset + at, buffer, 0, count);
                for (int i = 0; i < count; i++)
                {
                    if (buffer[i] != data[at + i])
                        return false;
                }
            }
            return true;
        }

        /// <summary>Which pair a boot of ota_N runs: "running", "older", "new", or "mixed (...)" when its app and deploy_N do not belong together.</summary>
        public string PairOf(string slot)
        {
            string deploy = "deploy_" + slot.Substring(4);
            string app = Which(slot, true);
            string deployment = Which(deploy, false);
            return app == deployment ? app : "mixed (app " + app + ", deployment " + deployment + ")";
        }

        private string Which(string label, bool app)
        {
            if (Holds(label, app ? New.App : New.Deploy))
                return "new";
            if (Holds(label, app ? Running.App : Running.Deploy))
                return "running";
            if (Holds(label, app ? Older.App : Older.Deploy))
                return "older";
            return "other";
        }
    }
}
