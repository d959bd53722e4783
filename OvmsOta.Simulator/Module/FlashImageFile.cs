using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Bundles;
using OvmsOta.Simulator.Flash;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Simulator.Module;

/// <summary>
/// The simulated module's 16 MB flash, kept in a file so its state survives resets and runs. A new file
/// looks like a module fresh from a USB flash: partition table at 0x8000, the initial image in the first
/// app slot (ota_0, or factory on the old layout), otadata blank (so the bootloader picks that slot).
/// </summary>
public sealed class FlashImageFile : IDisposable
{
    readonly FileSectorStore _store;

    FlashImageFile(FileSectorStore store, string path, bool created)
    {
        _store = store;
        Path = path;
        Created = created;
        Flash = new SimulatedFlash(store, 1);
    }

    public string Path { get; }

    /// <summary>True when this run made the file.</summary>
    public bool Created { get; }

    public SimulatedFlash Flash { get; }

    /// <summary>Opens path, or creates it with layout and an initial image of initialVersion.</summary>
    public static FlashImageFile OpenOrCreate(string path, string layout, string initialVersion)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            long length = new FileInfo(full).Length;
            if (length != FlashGeometry.DeviceSize)
                throw new InvalidDataException($"flash file {full} is {length} bytes; an OVMS flash image is exactly {FlashGeometry.DeviceSize} bytes (16 MB)");
            return new FlashImageFile(FileSectorStore.Open(full), full, false);
        }
        PartitionTable table = SimLayout.Table(layout);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var file = new FlashImageFile(FileSectorStore.Create(full), full, true);
        try
        {
            table.WriteTo(file.Flash, PartitionTable.DefaultOffset);
            PartitionEntry slot = table.Factory ?? table.OtaSlot(0)
                ?? throw new InvalidDataException("layout " + layout + " has no factory or ota_0 partition to hold the initial image");
            PartitionEntry? deploy = table.Find("deploy_0");
            if (deploy != null)
            {
                // The device layout starts with a pair, as a USB provisioning writes it: nanoCLR in ota_0, its deployment in deploy_0.
                BundleBuilder pair = DemoTree.BuildBundle(initialVersion);
                WriteImage(file.Flash, slot, pair.App);
                WriteImage(file.Flash, deploy, pair.Deploy);
            }
            else
                WriteImage(file.Flash, slot, DemoTree.Build(initialVersion));
            return file;
        }
        catch
        {
            file.Dispose();
            File.Delete(full);
            throw;
        }
    }

    /// <summary>Programs image at the start of a partition (erased flash), in sector-sized writes as a USB flasher does.</summary>
    static void WriteImage(IFlash flash, PartitionEntry slot, byte[] image)
    {
        if (image.Length > slot.Size)
            throw new InvalidDataException("initial image of " + image.Length + " bytes does not fit " + slot.Label);
        for (int offset = 0; offset < image.Length; offset += FlashGeometry.SectorSize)
        {
            int count = Math.Min(FlashGeometry.SectorSize, image.Length - offset);
            flash.Write(slot.Offset + offset, image, offset, count);
        }
    }

    public void Dispose() => _store.Dispose();
}
