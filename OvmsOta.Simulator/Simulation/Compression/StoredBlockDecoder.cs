using System;
using OvmsOta.Ports;

namespace OvmsOta.Simulation
{
    /// <summary>
    /// A test double of <see cref="IDeflateDecoder"/> that decodes stored blocks only (RFC 1951 3.2.4) and calls any
    /// Huffman block corrupt: what the portable tests need on nanoCLR, which has neither the device's ROM inflater nor
    /// the host's zlib. Like them it takes input only as far as the data goes and stops exactly at the end of the final
    /// block. Counts its releases, so tests can see a stream let go of its decoder.
    /// </summary>
    public sealed class StoredBlockDecoder : IDeflateDecoder
    {
        private const int StateHeader = 0;
        private const int StateLength = 1;
        private const int StateCopy = 2;
        private const int StateDone = 3;
        private const int StateCorrupt = 4;

        private readonly byte[] _length = new byte[4];
        private int _state = StateDone;
        private bool _final;
        private int _have;
        private int _left;

        /// <summary>Times <see cref="Release"/> was called.</summary>
        public int Releases { get; private set; }

        public void Reset()
        {
            _state = StateHeader;
            _final = false;
            _have = 0;
            _left = 0;
        }

        public DeflateStatus Decode(byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount,
            out int consumed, out int produced)
        {
            if (_state == StateDone || _state == StateCorrupt)
                throw new InvalidOperationException("Decode needs Reset first");
            consumed = 0;
            produced = 0;
            while (true)
            {
                if (_state == StateCopy)
                {
                    int take = _left;
                    if (take > inCount - consumed)
                        take = inCount - consumed;
                    if (take > outCount - produced)
                        take = outCount - produced;
                    Array.Copy(input, inOffset + consumed, output, outOffset + produced, take);
                    consumed += take;
                    produced += take;
                    _left -= take;
                    if (_left == 0)
                    {
                        if (_final)
                        {
                            _state = StateDone;
                            return DeflateStatus.Done;
                        }
                        _state = StateHeader;
                        continue;
                    }
                    if (produced == outCount)
                        return DeflateStatus.HasMoreOutput;
                    return DeflateStatus.NeedsInput;
                }
                if (consumed == inCount)
                    return DeflateStatus.NeedsInput;
                byte b = input[inOffset + consumed++];
                if (_state == StateHeader)
                {
                    if ((b & 0x06) != 0)
                    {
                        _state = StateCorrupt;
                        return DeflateStatus.Corrupt;
                    }
                    _final = (b & 1) != 0;
                    _have = 0;
                    _state = StateLength;
                    continue;
                }
                _length[_have++] = b;
                if (_have < 4)
                    continue;
                int length = _length[0] | (_length[1] << 8);
                int complement = _length[2] | (_length[3] << 8);
                if ((length ^ complement) != 0xFFFF)
                {
                    _state = StateCorrupt;
                    return DeflateStatus.Corrupt;
                }
                _left = length;
                _state = StateCopy;
            }
        }

        public void Release()
        {
            Releases++;
        }
    }
}
