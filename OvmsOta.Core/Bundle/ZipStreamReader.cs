using System;
using System.Text;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// Reads a ZIP archive front to back as its bytes arrive (<see cref="Feed"/>, from an HTTP body, a push or a file),
    /// as Mongoose OS's updater reads fw.zip: local file header, name, extra field, data, next header, until the central
    /// directory starts. Nothing seeks back and nothing is kept but one local header (fixed buffer): entry data goes
    /// straight to the sink. Stored entries are taken, and deflated ones when a <see cref="Deflate"/> decoder is given
    /// (inflated through one fixed buffer as their bytes arrive; the decoder says where the deflate data ends, which must
    /// be the entry's end). Sizes must be in the local header: data descriptors, encryption and ZIP64 are refused.
    /// Each entry's CRC-32 and size are checked on the bytes the sink gets.
    /// </summary>
    public sealed class ZipStreamReader
    {
        public const uint LocalHeaderSignature = 0x04034B50;
        public const uint CentralHeaderSignature = 0x02014B50;
        public const uint EndOfCentralSignature = 0x06054B50;
        public const int LocalHeaderSize = 30;
        public const int MaxNameLength = 255;
        public const int Stored = 0;
        public const int Deflated = 8;

        private const int InflatedChunk = 1024;
        private const int FlagEncrypted = 0x0001;
        private const int FlagDataDescriptor = 0x0008;

        private const int StateHeader = 0;
        private const int StateName = 1;
        private const int StateExtra = 2;
        private const int StateData = 3;
        private const int StateCentral = 4;

        private readonly IZipEntrySink _sink;
        private readonly byte[] _header = new byte[LocalHeaderSize + MaxNameLength];
        private int _state = StateHeader;
        private int _have;
        private int _nameLength;
        private int _method;
        private int _size;
        private int _sizeLeft;
        private uint _compressed;
        private int _extraLeft;
        private int _dataLeft;
        private uint _crc;
        private int _entries;
        private long _offset;
        private long _headerStart;
        private ZipEntry _entry;
        private byte[] _inflated;
        private bool _inflateDone;

        public ZipStreamReader(IZipEntrySink sink)
        {
            if (sink == null)
                throw new ArgumentNullException("sink");
            _sink = sink;
        }

        /// <summary>Inflates deflated entries; null: they are refused.</summary>
        public IDeflateDecoder Deflate { get; set; }

        /// <summary>Bytes fed so far.</summary>
        public long Offset { get { return _offset; } }

        /// <summary>True once the central directory started: every entry was read.</summary>
        public bool Ended { get { return _state == StateCentral; } }

        /// <summary>The next bytes of the archive; bytes after the central directory's start are not looked at.</summary>
        public void Feed(byte[] buffer, int offset, int count)
        {
            try
            {
                while (count > 0 && _state != StateCentral)
                {
                    int used = Step(buffer, offset, count);
                    offset += used;
                    count -= used;
                    _offset += used;
                }
            }
            catch (Exception)
            {
                // A refused bundle ends the install: the decoder's window (native on the device) is freed now.
                if (Deflate != null)
                    Deflate.Release();
                throw;
            }
        }

        /// <summary>The archive ended: refuses one that stopped before its central directory.</summary>
        public void Finish()
        {
            if (_state == StateCentral)
                return;
            if (Deflate != null)
                Deflate.Release();
            if (_offset == 0)
                throw new BundleException(BundleError.Truncated, "The bundle is empty (0 bytes)");
            string where = _entry != null && _state == StateData
                ? "inside entry " + _entry.Name + " (" + _dataLeft.ToString() + " of its bytes missing)"
                : "before the ZIP's central directory";
            throw new BundleException(BundleError.Truncated,
                "The bundle is truncated: it ends after " + _offset.ToString() + " bytes, " + where);
        }

        private int Step(byte[] buffer, int offset, int count)
        {
            if (_state == StateHeader)
                return TakeHeader(buffer, offset, count);
            if (_state == StateName)
                return TakeName(buffer, offset, count);
            if (_state == StateExtra)
            {
                int skip = count < _extraLeft ? count : _extraLeft;
                _extraLeft -= skip;
                if (_extraLeft == 0)
                    StartData();
                return skip;
            }
            return TakeData(buffer, offset, count);
        }

        private int TakeHeader(byte[] buffer, int offset, int count)
        {
            if (_have == 0)
                _headerStart = _offset;
            if (_have < 4)
            {
                int signature = Fill(4, buffer, offset, count);
                if (_have == 4)
                    CheckSignature();
                return signature;
            }
            int take = Fill(LocalHeaderSize, buffer, offset, count);
            if (_have == LocalHeaderSize)
                ReadLocalHeader();
            return take;
        }

        /// <summary>Once 4 bytes are in: a local header goes on; the central directory ends the entries; else refused.</summary>
        private void CheckSignature()
        {
            uint signature = LittleEndian.ReadUInt32(_header, 0);
            if (signature == LocalHeaderSignature)
                return;
            if (_entries > 0 && (signature == CentralHeaderSignature || signature == EndOfCentralSignature))
            {
                _state = StateCentral;
                return;
            }
            if (_entries == 0)
                throw new BundleException(BundleError.NotAZip,
                    "Not a ZIP bundle: it starts with " + HexBytes(_header, 4) + ", a bundle starts with 50 4B 03 04 (\"PK\")");
            throw new BundleException(BundleError.BadEntry,
                "The bundle is damaged: expected a ZIP header at byte " + _headerStart.ToString() + ", found " + HexBytes(_header, 4));
        }

        private void ReadLocalHeader()
        {
            int flags = LittleEndian.ReadUInt16(_header, 6);
            int method = LittleEndian.ReadUInt16(_header, 8);
            uint compressed = LittleEndian.ReadUInt32(_header, 18);
            uint size = LittleEndian.ReadUInt32(_header, 22);
            _nameLength = LittleEndian.ReadUInt16(_header, 26);
            _extraLeft = LittleEndian.ReadUInt16(_header, 28);
            string at = "ZIP entry " + (_entries + 1).ToString();
            if (_nameLength == 0 || _nameLength > MaxNameLength)
                throw new BundleException(BundleError.BadEntry, at + " has a name of " + _nameLength.ToString() + " bytes (1 to 255 allowed)");
            if ((flags & FlagEncrypted) != 0)
                throw new BundleException(BundleError.BadEntry, at + " is encrypted; bundles are not");
            if ((flags & FlagDataDescriptor) != 0)
                throw new BundleException(BundleError.BadEntry, at + " keeps its sizes after its data (streamed ZIP); "
                    + "make the bundle with `ovmsota bundle make` or `zip -0` into a file");
            if (compressed == 0xFFFFFFFF || size == 0xFFFFFFFF || size > int.MaxValue)
                throw new BundleException(BundleError.BadEntry, at + " is a ZIP64 entry; bundles are under 4 GB");
            _method = method;
            _size = (int)size;
            _compressed = compressed;
            _state = StateName;
            _have = 0;
        }

        private int TakeName(byte[] buffer, int offset, int count)
        {
            int want = _nameLength - _have;
            int take = count < want ? count : want;
            Array.Copy(buffer, offset, _header, LocalHeaderSize + _have, take);
            _have += take;
            if (_have < _nameLength)
                return take;
            string name = Encoding.UTF8.GetString(_header, LocalHeaderSize, _nameLength);
            _entry = new ZipEntry(name, _entries, _method, LittleEndian.ReadUInt32(_header, 14), _size);
            if (_method == Deflated && Deflate == null)
                throw new BundleException(BundleError.Compressed, "Bundle entry " + name + " is deflated and this module has no "
                    + "inflater; make the bundle with `ovmsota bundle make` (stored)");
            if (_method != Stored && _method != Deflated)
                throw new BundleException(BundleError.Compressed, "Bundle entry " + name + " uses ZIP compression method "
                    + _method.ToString() + "; bundles use stored (0) or deflate (8)");
            if (_compressed > int.MaxValue)
                throw new BundleException(BundleError.BadEntry, "Bundle entry " + name + " claims " + _compressed.ToString()
                    + " compressed bytes");
            if (_method == Stored && _compressed != (uint)_size)
                throw new BundleException(BundleError.BadEntry, "Bundle entry " + name + " is stored but its sizes differ ("
                    + _compressed.ToString() + " and " + _size.ToString() + " bytes)");
            _state = StateExtra;
            if (_extraLeft == 0)
                StartData();
            return take;
        }

        private void StartData()
        {
            // _dataLeft counts the entry's bytes as they arrive: compressed ones for a deflated entry.
            _dataLeft = (int)_compressed;
            _sizeLeft = _entry.Size;
            _crc = Crc32.StandardInit;
            _state = StateData;
            _sink.BeginEntry(_entry);
            if (_method == Deflated)
            {
                if (_inflated == null)
                    _inflated = new byte[InflatedChunk];
                _inflateDone = false;
                Deflate.Reset();
            }
            if (_dataLeft == 0)
                EndData();
        }

        private int TakeData(byte[] buffer, int offset, int count)
        {
            int take = count < _dataLeft ? count : _dataLeft;
            if (_method == Deflated)
                Inflate(buffer, offset, take);
            else
                Deliver(buffer, offset, take);
            _dataLeft -= take;
            if (_dataLeft == 0)
                EndData();
            return take;
        }

        /// <summary>Inflates all of count compressed bytes into the sink; the deflate data may end only at the entry's end.</summary>
        private void Inflate(byte[] buffer, int offset, int count)
        {
            int used = 0;
            while (!_inflateDone)
            {
                int consumed;
                int produced;
                DeflateStatus status = Deflate.Decode(buffer, offset + used, count - used, _inflated, 0, InflatedChunk,
                    out consumed, out produced);
                used += consumed;
                Deliver(_inflated, 0, produced);
                if (status == DeflateStatus.Corrupt)
                    throw Damaged("its deflate data is corrupt (at compressed byte "
                        + ((int)_compressed - _dataLeft + used).ToString() + ")");
                if (status == DeflateStatus.Done)
                {
                    _inflateDone = true;
                    Deflate.Release();
                }
                else if (status == DeflateStatus.NeedsInput)
                    break;
            }
            if (_inflateDone && used < count)
                throw Damaged("its deflate data ends before the entry does");
        }

        /// <summary>An entry's bytes as stored (or inflated): counted, checked against its size, CRC'd, handed on.</summary>
        private void Deliver(byte[] buffer, int offset, int count)
        {
            if (count == 0)
                return;
            if (count > _sizeLeft)
                throw Damaged("it holds more than the " + _entry.Size.ToString() + " bytes its header says");
            _sizeLeft -= count;
            _crc = Crc32.Update(_crc, buffer, offset, count);
            _sink.Data(buffer, offset, count);
        }

        private void EndData()
        {
            if (_method == Deflated && !_inflateDone)
                throw Damaged("its deflate data does not end with the entry");
            if (_sizeLeft != 0)
                throw Damaged("it holds " + (_entry.Size - _sizeLeft).ToString() + " bytes, its header says " + _entry.Size.ToString());
            uint crc = ~_crc;
            if (crc != _entry.Crc32)
                throw Damaged("its CRC-32 is " + Hex.Format(crc) + ", its header says " + Hex.Format(_entry.Crc32));
            _sink.EndEntry(_entry);
            _entries++;
            _state = StateHeader;
            _have = 0;
        }

        private BundleException Damaged(string why)
        {
            return new BundleException(BundleError.BadEntry, "Bundle entry " + _entry.Name + " is damaged: " + why);
        }

        /// <summary>Copies into the header buffer up to want bytes in all; returns how many it took.</summary>
        private int Fill(int want, byte[] buffer, int offset, int count)
        {
            int take = want - _have;
            if (take > count)
                take = count;
            Array.Copy(buffer, offset, _header, _have, take);
            _have += take;
            return take;
        }

        private static string HexBytes(byte[] bytes, int count)
        {
            string text = string.Empty;
            for (int i = 0; i < count; i++)
                text += (i > 0 ? " " : string.Empty) + bytes[i].ToString("X2");
            return text;
        }
    }
}
