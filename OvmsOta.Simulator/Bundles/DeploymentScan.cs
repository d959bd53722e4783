using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Bundles;

/// <summary>
/// What nanoCLR finds in a deployment partition at start, modelled: assemblies from the start, each 4-byte aligned,
/// taken while its header is good (marker, header CRC) and its body matches the assembly CRC; the walk stops at the
/// first header that is not an assembly (erased flash after the last one). A broken assembly stops the managed side.
/// </summary>
public static class DeploymentScan
{
    /// <summary>"3 assemblies (OvmsOta.Core, ...)", or null when nanoCLR would start no managed code.</summary>
    public static string? Describe(IFlash flash, PartitionEntry deploy)
    {
        byte[] header = new byte[AssemblyHeader.Size];
        byte[] buffer = new byte[FlashGeometry.SectorSize];
        int at = 0;
        int count = 0;
        while (deploy.Size - at >= AssemblyHeader.Size)
        {
            flash.Read(deploy.Offset + at, header, 0, header.Length);
            if (!AssemblyHeader.HasMarker(header, 0))
                break;
            if (AssemblyHeader.HeaderCrc(header, 0) != LittleEndian.ReadUInt32(header, AssemblyHeader.HeaderCrcOffset))
                return null;
            uint total = AssemblyHeader.TotalSize(header, 0);
            if (total < AssemblyHeader.Size || total > deploy.Size - at)
                return null;
            uint crc = 0;
            for (int done = AssemblyHeader.Size; done < total; done += buffer.Length)
            {
                int n = (int)Math.Min(buffer.Length, total - done);
                flash.Read(deploy.Offset + at + done, buffer, 0, n);
                crc = NanoCrc.Update(crc, buffer, 0, n);
            }
            if (crc != LittleEndian.ReadUInt32(header, AssemblyHeader.AssemblyCrcOffset))
                return null;
            count++;
            at += ((int)total + 3) & ~3;
        }
        return count == 0 ? null : count + " assemblies, " + at + " bytes, each header and CRC good";
    }
}
