using System;
using System.Text;
using OvmsOta.Bundle;
using OvmsOta.Flash;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// A .pe-like nanoFramework assembly for tests and demo bundles: a real assembly header (marker NFMRK2, native
    /// methods checksum, version, name in its string table, table offsets, header and assembly CRCs as nanoCLR checks
    /// them) over a string table holding the name and a pseudo-random "byte code" table. Not loadable code: nanoCLR
    /// would accept the header, not run it. Real deployments come from nanoFramework's metadata processor.
    /// </summary>
    public static class SyntheticAssembly
    {
        public static byte[] Make(string name, int codeSize, uint nativeChecksum, int seed)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            int strings = nameBytes.Length + 1;
            int stringsPadded = Align(strings);
            int codePadded = Align(codeSize);
            int total = AssemblyHeader.Size + stringsPadded + codePadded;
            byte[] pe = new byte[total];
            Array.Copy(AssemblyHeader.Marker, 0, pe, 0, AssemblyHeader.Marker.Length);
            LittleEndian.WriteUInt32(pe, AssemblyHeader.NativeChecksumOffset, nativeChecksum);
            LittleEndian.WriteUInt16(pe, AssemblyHeader.VersionOffset, 1);
            LittleEndian.WriteUInt16(pe, AssemblyHeader.NameOffset, 0);
            LittleEndian.WriteUInt16(pe, AssemblyHeader.StringTableVersionOffset, AssemblyHeader.StringTableVersion);
            int stringsAt = AssemblyHeader.Size;
            int codeAt = stringsAt + stringsPadded;
            for (int table = 0; table < AssemblyHeader.TableCount; table++)
            {
                int start = table <= AssemblyHeader.StringsTable ? stringsAt : (table <= 15 ? codeAt : total);
                LittleEndian.WriteUInt32(pe, AssemblyHeader.TablesOffset + 4 * table, (uint)start);
            }
            int padding = AssemblyHeader.TablesOffset + 4 * AssemblyHeader.TableCount;
            pe[padding + AssemblyHeader.StringsTable] = (byte)(stringsPadded - strings);
            pe[padding + 15] = (byte)(codePadded - codeSize);
            Array.Copy(nameBytes, 0, pe, stringsAt, nameBytes.Length);
            for (int i = 0; i < codeSize; i++)
                pe[codeAt + i] = (byte)((i * 131 + seed * 7) >> 1);
            LittleEndian.WriteUInt32(pe, AssemblyHeader.AssemblyCrcOffset, NanoCrc.Update(0, pe, AssemblyHeader.Size, total - AssemblyHeader.Size));
            LittleEndian.WriteUInt32(pe, AssemblyHeader.HeaderCrcOffset, AssemblyHeader.HeaderCrc(pe, 0));
            return pe;
        }

        /// <summary>Assemblies back to back (each is a multiple of 4 bytes), as a deployment region holds them.</summary>
        public static byte[] Deployment(byte[][] assemblies)
        {
            int size = 0;
            for (int i = 0; i < assemblies.Length; i++)
                size += assemblies[i].Length;
            byte[] all = new byte[size];
            int at = 0;
            for (int i = 0; i < assemblies.Length; i++)
            {
                Array.Copy(assemblies[i], 0, all, at, assemblies[i].Length);
                at += assemblies[i].Length;
            }
            return all;
        }

        private static int Align(int value)
        {
            return (value + 3) & ~3;
        }
    }
}
