using System.Text;
using OvmsOta.Bundle;
using OvmsOta.Flash;
using OvmsOta.Image;

namespace OvmsOta.Simulator.Bundles;

/// <summary>
/// The assemblies of a deployment image (assemblies back to back, 4-byte aligned, as nanoFramework writes its deployment
/// region), read for `bundle make`: each one's name (from its string table), version and native methods checksum. The
/// same checks the module makes (<see cref="DeploymentCheck"/>) run over the whole file first.
/// </summary>
public static class DeploymentListing
{
    public static DeployAssembly[] Read(byte[] deploy, string source)
    {
        var list = new List<DeployAssembly>();
        int at = 0;
        while (at < deploy.Length)
        {
            if (deploy.Length - at < AssemblyHeader.Size || !AssemblyHeader.HasMarker(deploy, at))
                throw new InvalidDataException(source + ": no nanoFramework assembly (marker NFMRK2) at byte " + at);
            uint total = AssemblyHeader.TotalSize(deploy, at);
            if (total < AssemblyHeader.Size || total > deploy.Length - at)
                throw new InvalidDataException(source + ": the assembly at byte " + at + " claims " + total + " bytes");
            list.Add(new DeployAssembly
            {
                Name = NameOf(deploy, at, (int)total),
                Version = VersionOf(deploy, at),
                NativeChecksum = Hex.Format(AssemblyHeader.NativeChecksum(deploy, at)),
            });
            at += ((int)total + 3) & ~3;
        }
        DeployAssembly[] assemblies = list.ToArray();
        var check = new DeploymentCheck(assemblies);
        try
        {
            check.Feed(deploy, 0, deploy.Length);
            check.Finish();
        }
        catch (BundleException e)
        {
            throw new InvalidDataException(source + ": " + e.Message);
        }
        return assemblies;
    }

    /// <summary>The assembly name: the string at its name index in its own string table.</summary>
    static string NameOf(byte[] pe, int at, int total)
    {
        int strings = at + (int)LittleEndian.ReadUInt32(pe, at + AssemblyHeader.TablesOffset + 4 * AssemblyHeader.StringsTable);
        int start = strings + LittleEndian.ReadUInt16(pe, at + AssemblyHeader.NameOffset);
        int end = start;
        while (end < at + total && pe[end] != 0)
            end++;
        return end > start ? Encoding.UTF8.GetString(pe, start, end - start) : "(unnamed at " + at + ")";
    }

    static string VersionOf(byte[] pe, int at)
    {
        int v = at + AssemblyHeader.VersionOffset;
        return LittleEndian.ReadUInt16(pe, v) + "." + LittleEndian.ReadUInt16(pe, v + 2) + "." + LittleEndian.ReadUInt16(pe, v + 4) + "."
            + LittleEndian.ReadUInt16(pe, v + 6);
    }
}
