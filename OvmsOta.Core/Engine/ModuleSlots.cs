using OvmsOta.Bundle;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The module's partitions as the engine sees them: the table found on flash, the boot slots, the running
    /// partition and the OVMS layout. Read once at start; every reader shares it.
    /// </summary>
    public sealed class ModuleSlots
    {
        /// <summary>Where OVMS probes for the partition table, in order.</summary>
        public static readonly int[] TableOffsets = new int[] { 0x8000, 0x9000 };

        private readonly IFlash _flash;
        private readonly int _tableOffset;
        private readonly PartitionTable _table;
        private readonly BootSlots _bootSlots;
        private readonly string _runningPartition;
        private readonly PartitionEntry _running;
        private readonly OvmsLayout _layout;

        /// <summary>runningPartition: the label the platform says the code runs from, or null when unknown.</summary>
        public ModuleSlots(IFlash flash, string runningPartition)
        {
            _flash = flash;
            _tableOffset = FindTable(flash);
            _table = PartitionTable.ReadFrom(flash, _tableOffset);
            _bootSlots = new BootSlots(flash, _table);
            _runningPartition = runningPartition;
            _running = runningPartition == null ? null : _table.Find(runningPartition);
            _layout = OvmsLayouts.Classify(_table);
        }

        public IFlash Flash { get { return _flash; } }
        public PartitionTable Table { get { return _table; } }

        /// <summary>Address the table was found at (0x8000 on every OVMS module).</summary>
        public int TableOffset { get { return _tableOffset; } }

        public BootSlots BootSlots { get { return _bootSlots; } }

        /// <summary>The running partition, or null when the platform could not tell.</summary>
        public PartitionEntry Running { get { return _running; } }

        public OvmsLayout Layout { get { return _layout; } }

        /// <summary>The partition label in the version string ("ota_1"), empty when the running partition is unknown.</summary>
        public string RunningLabel
        {
            get { return _running != null ? _running.Label : (_runningPartition != null ? _runningPartition : string.Empty); }
        }

        /// <summary>Where an update goes: the OTA slot after the running one (factory -> ota_0), or null.</summary>
        /// <summary>
        /// The running image's project name from its app description (first 0x120 bytes, read through buffer), or null
        /// when the running partition is unknown or holds no readable app description.
        /// </summary>
        public string RunningProject(byte[] buffer)
        {
            const int length = Image.ImageFormat.AppDescriptionOffset + 0x100;
            if (_running == null || buffer.Length < length)
                return null;
            _flash.Read(_running.Offset, buffer, 0, length);
            if (buffer[0] != Image.ImageFormat.Magic)
                return null;
            Image.AppDescription description = Image.AppDescription.Parse(buffer, Image.ImageFormat.AppDescriptionOffset);
            return description.Magic == Image.ImageFormat.AppDescriptionMagic ? description.ProjectName : null;
        }

        public PartitionEntry NextTarget()
        {
            return _bootSlots.NextUpdatePartition(_running);
        }

        /// <summary>
        /// The deployment partition paired with an OTA slot (deploy_N for ota_N, data subtype 0x84) on OvmsOta's device
        /// layout; null on OVMS layouts, for the factory app and for null.
        /// </summary>
        public PartitionEntry DeployFor(PartitionEntry slot)
        {
            if (slot == null || slot.OtaIndex < 0)
                return null;
            PartitionEntry deploy = _table.Find("deploy_" + slot.OtaIndex.ToString());
            return deploy != null && deploy.Type == PartitionTypes.Data && deploy.Subtype == PartitionTypes.DataDeploy ? deploy : null;
        }

        private static int FindTable(IFlash flash)
        {
            byte[] magic = new byte[2];
            for (int i = 0; i < TableOffsets.Length; i++)
            {
                flash.Read(TableOffsets[i], magic, 0, 2);
                if (magic[0] == 0xAA && magic[1] == 0x50)
                    return TableOffsets[i];
            }
            throw new PartitionTableException("No partition table at 0x8000 or 0x9000: expected the entry magic AA 50");
        }
    }
}
