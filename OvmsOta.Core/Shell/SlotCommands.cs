using System;
using OvmsOta.Engine;
using OvmsOta.Flash;
using OvmsOta.OtaData;
using OvmsOta.Partitions;
using OvmsOta.Update;

namespace OvmsOta.Shell
{
    /// <summary>`ota boot`, `ota erase` and `ota copy`: OVMS's checks in OVMS's order, each under the flash lock.</summary>
    public sealed class SlotCommands
    {
        /// <summary>OVMS prints copy progress every 256 KiB.</summary>
        public const int CopyProgressStep = 256 * 1024;

        private readonly ModuleSlots _slots;
        private readonly Installer _installer;

        public SlotCommands(ModuleSlots slots, Installer installer)
        {
            _slots = slots;
            _installer = installer;
        }

        /// <summary>`ota boot &lt;name&gt;`: prints nothing when the table has no such partition, as OVMS.</summary>
        public void Boot(string name, IShellOutput output)
        {
            // A switch during a trial would overwrite the armed way back (or make the trial image permanent unconfirmed).
            InstallFailure refusal = _installer.UpdateRefusal();
            if (refusal != null)
            {
                output.WriteLine(refusal.ShellText);
                return;
            }
            if (!ShellLock.TryEnter(_installer.Lock, output))
                return;
            try
            {
                string text = _slots.BootSlots.Boot(name, _installer.ImageCheck);
                if (text != null)
                    output.WriteLine(text);
            }
            finally
            {
                _installer.Lock.Exit();
            }
        }

        /// <summary>`ota erase &lt;name&gt;`: the whole partition, never the running or the boot one.</summary>
        public void Erase(string name, IShellOutput output)
        {
            if (!ShellLock.TryEnter(_installer.Lock, output))
                return;
            try
            {
                PartitionEntry partition = AppPartition(name);
                if (partition == null)
                {
                    output.WriteLine("Error: Cannot find specified partition");
                    return;
                }
                if (partition == _slots.Running)
                {
                    output.WriteLine("Error: Cannot erase currently running partition");
                    return;
                }
                if (partition == _slots.BootSlots.BootPartition())
                {
                    output.WriteLine("Error: Cannot erase boot partition");
                    return;
                }
                output.WriteLine("OTA Erase: Erasing partition...");
                // esp_ota_begin refuses a partition that is not an OTA slot (factory) with ESP_ERR_INVALID_ARG.
                if (partition.OtaIndex < 0)
                {
                    output.WriteLine("Error: ESP32 error #" + EspError.InvalidArg.ToString() + " starting OTA operation");
                    return;
                }
                try
                {
                    SlotEraser.Erase(_slots.Flash, partition.Offset, partition.Size);
                }
                catch (FlashException)
                {
                    output.WriteLine("Error: ESP32 error #" + EspError.FlashOpFail.ToString() + " starting OTA operation");
                    return;
                }
                output.WriteLine("Partition erase complete");
            }
            finally
            {
                _installer.Lock.Exit();
            }
        }

        /// <summary>`ota copy &lt;from&gt; &lt;to&gt;`: the whole partition, sector by sector through the work buffer.</summary>
        public void Copy(string fromName, string toName, IShellOutput output)
        {
            if (!ShellLock.TryEnter(_installer.Lock, output))
                return;
            try
            {
                PartitionEntry from = AppPartition(fromName);
                PartitionEntry to = AppPartition(toName);
                string refusal = CopyRefusal(from, to);
                if (refusal != null)
                {
                    output.WriteLine(refusal);
                    return;
                }
                output.WriteLine("OTA copy " + from.Label + " (" + from.Offset.ToString("D8") + ") -> " + to.Label + " ("
                    + to.Offset.ToString("x8") + ") size " + from.Size.ToString() + " with block size " + FlashGeometry.SectorSize.ToString());
                CopySectors(from, to, output);
            }
            finally
            {
                _installer.Lock.Exit();
            }
        }

        private string CopyRefusal(PartitionEntry from, PartitionEntry to)
        {
            if (to != null && to == _slots.Running)
                return "Error: Cannot copy to currently running partition";
            if (to != null && to == _slots.BootSlots.BootPartition())
                return "Error: Cannot copy to boot partition";
            if (from == null)
                return "Error: Could not find partition to copy from";
            if (to == null)
                return "Error: Could not find partition to copy to";
            if (from.Size != to.Size)
                return "Error: The two specified partitions are not the same size";
            return null;
        }

        private void CopySectors(PartitionEntry from, PartitionEntry to, IShellOutput output)
        {
            bool factory = to.IsFactory;
            try
            {
                SlotEraser.Erase(_slots.Flash, to.Offset, to.Size);
            }
            catch (FlashException)
            {
                output.WriteLine("Error: ESP32 error #" + EspError.FlashOpFail.ToString()
                    + (factory ? " starting factory OTA erase operation" : " starting OTA operation"));
                return;
            }
            byte[] buffer = _installer.WorkBuffer;
            string progress = factory ? "OTA Factory Copy: " : "OTA Copy: ";
            for (int offset = 0; offset < from.Size; offset += buffer.Length)
            {
                int count = from.Size - offset < buffer.Length ? from.Size - offset : buffer.Length;
                try
                {
                    _slots.Flash.Read(from.Offset + offset, buffer, 0, count);
                }
                catch (FlashException)
                {
                    // OVMS prints the read and write errors without a line end.
                    output.Write("Error: ESP32 error #" + EspError.FlashOpFail.ToString() + " reading source at offset " + offset.ToString());
                    return;
                }
                try
                {
                    _slots.Flash.Write(to.Offset + offset, buffer, 0, count);
                }
                catch (FlashException)
                {
                    output.Write("Error: ESP32 error #" + EspError.FlashOpFail.ToString()
                        + (factory ? " writing factory destination at offset " : " writing destination at offset ") + offset.ToString());
                    return;
                }
                int done = offset + count;
                if (done % CopyProgressStep == 0)
                    output.WriteLine(progress + ((long)done * 100 / from.Size).ToString() + "% progress (" + done.ToString() + " bytes)");
            }
            output.WriteLine("OTA copy complete");
        }

        /// <summary>The app partition named factory, ota_0, ota_1 ... (looked up by subtype, as OVMS), or null.</summary>
        public PartitionEntry AppPartition(string name)
        {
            int subtype = PartitionTypes.SubtypeValue(PartitionTypes.App, name);
            if (subtype < 0 || subtype == PartitionTypes.AppTest)
                return null;
            return _slots.Table.Find(PartitionTypes.App, subtype);
        }
    }
}
