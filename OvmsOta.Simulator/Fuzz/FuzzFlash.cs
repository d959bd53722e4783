using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Simulation;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>Sparse 16 MB simulated flashes with OVMS's tables, made fresh per input (nothing carries over).</summary>
public static class FuzzFlash
{
    public static readonly PartitionTable ModernTable = Module.SimLayout.Table(Module.SimLayout.Modern);
    public static readonly PartitionTable FactoryTable = Module.SimLayout.Table(Module.SimLayout.Factory);
    static readonly byte[] ModernBinary = ModernTable.ToBinary();
    static readonly byte[] FactoryBinary = FactoryTable.ToBinary();

    public static (SimulatedFlash Flash, PartitionTable Table) WithTable(PartitionTable table)
    {
        var flash = new SimulatedFlash(new MemorySectorStore(FlashGeometry.DeviceSize), 1);
        byte[] binary = table == FactoryTable ? FactoryBinary : table == ModernTable ? ModernBinary : table.ToBinary();
        flash.Write(PartitionTable.DefaultOffset, binary, 0, binary.Length);
        return (flash, table);
    }

    public static byte[] Read(IFlash flash, int address, int length)
    {
        var data = new byte[length];
        flash.Read(address, data, 0, length);
        return data;
    }
}
