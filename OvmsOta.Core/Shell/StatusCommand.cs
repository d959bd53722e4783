using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Shell
{
    /// <summary>
    /// `ota`, `ota status` and `ota status nocheck`: OVMS's fields in OVMS's order, labels padded to column 19; ours
    /// adds why a server check failed. Takes no lock (OVMS's status does not), so it can run while a flash runs.
    /// </summary>
    public sealed class StatusCommand
    {
        /// <summary>Labels are padded to this width (the values start at column 19, counting from 0).</summary>
        public const int LabelWidth = 19;

        // Versions are read through a buffer of the status's own: the work buffer belongs to the writer holding the lock.
        private const int VersionBufferSize = 512;

        private readonly ModuleSlots _slots;
        private readonly InstallStatus _status;
        private readonly Trial _trial;
        private readonly UpdateServerInfo _server;
        private readonly HardwareInfo _hardware;

        public StatusCommand(ModuleSlots slots, InstallStatus status, Trial trial, UpdateServerInfo server, HardwareInfo hardware)
        {
            _slots = slots;
            _status = status;
            _trial = trial;
            _server = server;
            _hardware = hardware;
        }

        public void Run(IShellOutput output, bool checkServer)
        {
            Field(output, "Hardware:", _hardware.Description, true);
            Field(output, "Firmware:", _server.FullVersion, true);
            Field(output, "Partition type:", OvmsLayouts.Describe(_slots.Layout), false);
            Field(output, "Partition table:", "0x" + _slots.TableOffset.ToString("x4"), false);
            Field(output, "Running partition:", _slots.Running != null ? _slots.Running.Label : string.Empty, true);
            PartitionEntry boot = _slots.BootSlots.BootPartition();
            Field(output, "Boot partition:", boot != null ? boot.Label : string.Empty, true);
            if (_trial.Watchdog != null)
            {
                // Only while it matters (a trial, or what the last one came to): OVMS's status has no such line.
                TrialStatus trial = _trial.Watchdog.Status;
                if (trial.OnTrial || trial.Note != null)
                    Field(output, "Trial:", trial.ToString(), true);
            }
            Field(output, "Status:", _status.Describe(), true);
            ImageVersions(output);
            if (!checkServer || !_server.NetworkUp)
                return;
            ServerCheck check = ServerCheck.Run(_server);
            if (check.Error != null)
                Field(output, "Server check:", check.Error, true);
            if (check.Version.Length == 0)
                return;
            Field(output, "Server Available:", check.Version + Verdict(check), true);
            if (check.Changelog.Length > 0)
            {
                output.WriteLine(string.Empty);
                WriteLines(output, check.Changelog);
            }
        }

        /// <summary>OVMS's "(is newer)" or "(no update required)"; ours when the server's image turned out to be another version.</summary>
        private static string Verdict(ServerCheck check)
        {
            if (check.ImageVersion != null)
                return " (announced, but its image is " + (check.ImageVersion.Length > 0 ? check.ImageVersion : "of no version") + ": not installed)";
            return check.IsNewer ? " (is newer)" : " (no update required)";
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

        private void ImageVersions(IShellOutput output)
        {
            byte[] buffer = new byte[VersionBufferSize];
            PartitionTable table = _slots.Table;
            ImageVersion(output, table.Factory, "Factory image:", buffer);
            // OVMS spells the first OTA label with the letter O.
            ImageVersion(output, table.OtaSlot(0), "OTA_O image:", buffer);
            ImageVersion(output, table.OtaSlot(1), "OTA_1 image:", buffer);
        }

        private void ImageVersion(IShellOutput output, PartitionEntry partition, string label, byte[] buffer)
        {
            if (partition == null)
                return;
            Field(output, label, OvmsVersionReader.Read(_slots.Flash, partition.Offset, partition.Size, buffer), true);
        }
    }
}
