using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.Partitions;

namespace OvmsOta.Shell
{
    /// <summary>
    /// `ota`, `ota status` and `ota status nocheck`: OVMS's fields in OVMS's order, labels padded to column 19; ours
    /// adds why a server check failed. Takes no lock (OVMS's status does not), so it can run while a flash runs.
    /// </summary>
    public static class StatusCommand
    {
        /// <summary>Labels are padded to this width (the values start at column 19, counting from 0).</summary>
        public const int LabelWidth = 19;

        // Versions are read through a buffer of the status's own: the work buffer belongs to the writer holding the lock.
        private const int VersionBufferSize = 512;

        public static void Run(OtaEngine engine, IShellOutput output, bool checkServer)
        {
            OtaPlatform platform = engine.Platform;
            Field(output, "Hardware:", platform.Hardware.Description, true);
            Field(output, "Firmware:", engine.FullVersion, true);
            Field(output, "Partition type:", OvmsLayouts.Describe(engine.Layout), false);
            Field(output, "Partition table:", "0x" + engine.TableOffset.ToString("x4"), false);
            Field(output, "Running partition:", engine.Running != null ? engine.Running.Label : string.Empty, true);
            PartitionEntry boot = engine.Slots.BootPartition();
            Field(output, "Boot partition:", boot != null ? boot.Label : string.Empty, true);
            if (engine.Watchdog != null)
            {
                // Only while it matters (a trial, or what the last one came to): OVMS's status has no such line.
                TrialStatus trial = engine.Watchdog.Status;
                if (trial.OnTrial || trial.Note != null)
                    Field(output, "Trial:", trial.ToString(), true);
            }
            Field(output, "Status:", engine.Status.Describe(), true);
            ImageVersions(engine, output);
            if (!checkServer || !engine.NetworkUp)
                return;
            ServerCheck check = ServerCheck.Run(engine);
            if (check.Error != null)
                Field(output, "Server check:", check.Error, true);
            if (check.Version.Length == 0)
                return;
            Field(output, "Server Available:", check.Version + (check.IsNewer ? " (is newer)" : " (no update required)"), true);
            if (check.Changelog.Length > 0)
            {
                output.WriteLine(string.Empty);
                WriteLines(output, check.Changelog);
            }
        }

        /// <summary>"Label:" padded to the value column, then the value; skipped when optional and empty.</summary>
        public static void Field(IShellOutput output, string label, string value, bool optional)
        {
            if (optional && (value == null || value.Length == 0))
                return;
            output.WriteLine(label.PadRight(LabelWidth, ' ') + value);
        }

        /// <summary>Writes text line by line (LF or CR LF), without an empty line for a final line end.</summary>
        public static void WriteLines(IShellOutput output, string text)
        {
            string[] lines = text.Split(new char[] { '\n' });
            int count = lines.Length;
            if (count > 0 && lines[count - 1].Length == 0)
                count--;
            for (int i = 0; i < count; i++)
                output.WriteLine(lines[i].TrimEnd(new char[] { '\r' }));
        }

        private static void ImageVersions(OtaEngine engine, IShellOutput output)
        {
            byte[] buffer = new byte[VersionBufferSize];
            PartitionTable table = engine.Table;
            ImageVersion(engine, output, table.Factory, "Factory image:", buffer);
            // OVMS spells the first OTA label with the letter O.
            ImageVersion(engine, output, table.OtaSlot(0), "OTA_O image:", buffer);
            ImageVersion(engine, output, table.OtaSlot(1), "OTA_1 image:", buffer);
        }

        private static void ImageVersion(OtaEngine engine, IShellOutput output, PartitionEntry partition, string label, byte[] buffer)
        {
            if (partition == null)
                return;
            Field(output, label, OvmsVersionReader.Read(engine.Flash, partition.Offset, partition.Size, buffer), true);
        }
    }
}
