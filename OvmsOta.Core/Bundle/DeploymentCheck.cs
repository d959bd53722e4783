using System;
using OvmsOta.Flash;
using OvmsOta.Image;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// A deployment (assemblies back to back, each 4-byte aligned, as nanoFramework writes its deployment region) checked
    /// as it streams past, as nanoCLR checks each assembly before it loads it: the "NFMRK2" marker, the header CRC, the
    /// string table version, a size that fits, the assembly CRC over the rest; and against the manifest: as many
    /// assemblies as it lists, each needing the native methods checksum the manifest says. One 128-byte header buffer.
    /// </summary>
    public sealed class DeploymentCheck
    {
        private const int StateHeader = 0;
        private const int StateBody = 1;
        private const int StatePadding = 2;

        private readonly DeployAssembly[] _expected;
        private readonly byte[] _header = new byte[AssemblyHeader.Size];
        private int _state = StateHeader;
        private int _have;
        private long _left;
        private uint _crc;
        private uint _assemblyCrc;
        private int _index;
        private long _offset;
        private long _start;

        public DeploymentCheck(DeployAssembly[] expected)
        {
            _expected = expected;
        }

        /// <summary>Assemblies that passed every check so far.</summary>
        public int Assemblies { get { return _index; } }

        public void Feed(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int used = Step(buffer, offset, count);
                offset += used;
                count -= used;
                _offset += used;
            }
        }

        /// <summary>The deployment ended: it must end after its last assembly (and that assembly's padding).</summary>
        public void Finish()
        {
            if (_state == StateBody || (_state == StateHeader && _have > 0))
                throw Bad("ends inside assembly " + (_index + 1).ToString() + " (" + _offset.ToString() + " bytes)");
            if (_index != _expected.Length)
                throw Bad("holds " + _index.ToString() + " assemblies; the manifest lists " + _expected.Length.ToString());
        }

        private int Step(byte[] buffer, int offset, int count)
        {
            if (_state == StateHeader)
            {
                if (_have == 0)
                    _start = _offset;
                int take = AssemblyHeader.Size - _have < count ? AssemblyHeader.Size - _have : count;
                Array.Copy(buffer, offset, _header, _have, take);
                _have += take;
                if (_have == AssemblyHeader.Size)
                    CheckHeader();
                return take;
            }
            int part = _left < count ? (int)_left : count;
            if (_state == StateBody)
                _crc = NanoCrc.Update(_crc, buffer, offset, part);
            _left -= part;
            if (_left == 0)
                EndOfStep();
            return part;
        }

        private void CheckHeader()
        {
            string at = Which();
            if (_index >= _expected.Length)
                throw Bad("has more assemblies than the " + _expected.Length.ToString() + " its manifest lists (" + at + ")");
            if (!AssemblyHeader.HasMarker(_header, 0))
                throw Bad(at + " does not start with nanoFramework's assembly marker NFMRK2");
            uint headerCrc = LittleEndian.ReadUInt32(_header, AssemblyHeader.HeaderCrcOffset);
            uint computed = AssemblyHeader.HeaderCrc(_header, 0);
            if (computed != headerCrc)
                throw Bad(at + ": header CRC is " + Hex.Format(computed) + ", the header says " + Hex.Format(headerCrc));
            int version = LittleEndian.ReadUInt16(_header, AssemblyHeader.StringTableVersionOffset);
            if (version != AssemblyHeader.StringTableVersion)
                throw Bad(at + ": string table version " + version.ToString() + ", nanoCLR reads version 1");
            uint total = AssemblyHeader.TotalSize(_header, 0);
            if (total < AssemblyHeader.Size || total > int.MaxValue)
                throw Bad(at + ": size " + total.ToString() + " is impossible");
            uint needs = AssemblyHeader.NativeChecksum(_header, 0);
            uint listed = ManifestReader.ParseChecksum("parts.deploy.assemblies[" + _index.ToString() + "].nativeChecksum", _expected[_index].NativeChecksum);
            if (needs != listed)
                throw Bad(at + " needs native checksum " + Hex.Format(needs) + "; the manifest says " + Hex.Format(listed));
            _assemblyCrc = LittleEndian.ReadUInt32(_header, AssemblyHeader.AssemblyCrcOffset);
            _crc = 0;
            _left = total - AssemblyHeader.Size;
            _state = StateBody;
            _have = 0;
            if (_left == 0)
                EndOfStep();
        }

        private void EndOfStep()
        {
            if (_state == StateBody)
            {
                if (_crc != _assemblyCrc)
                    throw Bad(Which() + ": assembly CRC is " + Hex.Format(_crc) + ", its header says " + Hex.Format(_assemblyCrc));
                _index++;
                _left = (4 - (int)((_start + AssemblyHeader.TotalSize(_header, 0)) & 3)) & 3;
                _state = StatePadding;
                if (_left > 0)
                    return;
            }
            _state = StateHeader;
            _have = 0;
        }

        private string Which()
        {
            string name = _index < _expected.Length ? " (" + _expected[_index].Name + ")" : string.Empty;
            return "assembly " + (_index + 1).ToString() + name + " at byte " + _start.ToString();
        }

        private static BundleException Bad(string what)
        {
            return new BundleException(BundleError.BadDeployment, "The bundle's deployment " + what);
        }
    }
}
