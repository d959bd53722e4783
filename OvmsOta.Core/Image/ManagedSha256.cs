using System;
using OvmsOta.Ports;

namespace OvmsOta.Image
{
    /// <summary>
    /// Portable SHA-256 (FIPS 180-4) with fixed state: no allocation after construction. Whole blocks
    /// are compressed straight from the caller's buffer; only a partial block is copied.
    /// </summary>
    public sealed class ManagedSha256 : ISha256
    {
        const int BlockSize = 64;

        readonly uint[] _state = new uint[8];
        readonly uint[] _schedule = new uint[64];
        readonly byte[] _pending = new byte[BlockSize];
        int _pendingCount;
        long _length;

        public ManagedSha256()
        {
            Reset();
        }

        public void Reset()
        {
            Array.Copy(InitialState, _state, 8);
            _pendingCount = 0;
            _length = 0;
        }

        public void Update(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
                throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset + count > buffer.Length)
                throw new ArgumentOutOfRangeException("count");
            _length += count;
            if (_pendingCount > 0)
            {
                int take = count < BlockSize - _pendingCount ? count : BlockSize - _pendingCount;
                Array.Copy(buffer, offset, _pending, _pendingCount, take);
                _pendingCount += take;
                offset += take;
                count -= take;
                if (_pendingCount < BlockSize)
                    return;
                Compress(_pending, 0);
                _pendingCount = 0;
            }
            for (; count >= BlockSize; offset += BlockSize, count -= BlockSize)
                Compress(buffer, offset);
            if (count > 0)
            {
                Array.Copy(buffer, offset, _pending, 0, count);
                _pendingCount = count;
            }
        }

        public void Final(byte[] output, int offset)
        {
            if (output == null || offset < 0 || offset + 32 > output.Length)
                throw new ArgumentOutOfRangeException("output", "the digest needs 32 bytes");
            long bits = _length * 8;
            _pending[_pendingCount++] = 0x80;
            if (_pendingCount > BlockSize - 8)
            {
                Array.Clear(_pending, _pendingCount, BlockSize - _pendingCount);
                Compress(_pending, 0);
                _pendingCount = 0;
            }
            Array.Clear(_pending, _pendingCount, BlockSize - 8 - _pendingCount);
            for (int i = 0; i < 8; i++)
                _pending[BlockSize - 1 - i] = (byte)(bits >> (8 * i));
            Compress(_pending, 0);
            for (int i = 0; i < 8; i++)
            {
                uint h = _state[i];
                output[offset + 4 * i] = (byte)(h >> 24);
                output[offset + 4 * i + 1] = (byte)(h >> 16);
                output[offset + 4 * i + 2] = (byte)(h >> 8);
                output[offset + 4 * i + 3] = (byte)h;
            }
            Reset();
        }

        void Compress(byte[] block, int offset)
        {
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++, offset += 4)
                w[t] = (uint)((block[offset] << 24) | (block[offset + 1] << 16) | (block[offset + 2] << 8) | block[offset + 3]);
            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 15];
                uint y = w[t - 2];
                uint s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
                uint s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];
            for (int t = 0; t < 64; t++)
            {
                uint sum1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = h + sum1 + choose + RoundConstants[t] + w[t];
                uint sum0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = sum0 + majority;
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            _state[0] += a;
            _state[1] += b;
            _state[2] += c;
            _state[3] += d;
            _state[4] += e;
            _state[5] += f;
            _state[6] += g;
            _state[7] += h;
        }

        static readonly uint[] InitialState =
        {
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        };

        static readonly uint[] RoundConstants =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };
    }
}
