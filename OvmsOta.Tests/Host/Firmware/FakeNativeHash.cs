using System.Collections.Generic;
using System.Security.Cryptography;
using OvmsOta.Firmware.Bindings;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// A fake of the native hash layer: .NET's SHA-256 in a 4-slot handle table like ovmsota_hash.c (a stale handle is
    /// 0x103; a fifth open hash throws OutOfMemoryException, as the glue's CLR_E_OUT_OF_MEMORY does on nanoCLR once its
    /// heap compaction and one retry of the call found no slot either), and the byte-wise XOR fold.
    /// </summary>
    public sealed class FakeNativeHash : INativeHash
    {
        public const int Slots = 4;

        private readonly Dictionary<int, IncrementalHash> _open = new Dictionary<int, IncrementalHash>();
        private int _next = 1;

        /// <summary>The status the next Sha256Update returns instead of hashing (0: hash normally).</summary>
        public int FailNextUpdate;

        public int OpenCount => _open.Count;

        public int Sha256Begin()
        {
            if (_open.Count == Slots)
                throw new System.OutOfMemoryException();
            _open[_next] = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            return _next++;
        }

        public int Sha256Update(int handle, byte[] data, int offset, int count)
        {
            if (!_open.TryGetValue(handle, out var hash))
                return EspErrors.InvalidState;
            if (FailNextUpdate != 0)
            {
                int status = FailNextUpdate;
                FailNextUpdate = 0;
                return status;
            }
            hash.AppendData(data, offset, count);
            return EspErrors.Ok;
        }

        public int Sha256Finish(int handle, byte[] digest, int offset)
        {
            if (!_open.Remove(handle, out var hash))
                return EspErrors.InvalidState;
            hash.GetHashAndReset().CopyTo(digest, offset);
            hash.Dispose();
            return EspErrors.Ok;
        }

        public int Sha256Abort(int handle)
        {
            if (!_open.Remove(handle, out var hash))
                return EspErrors.InvalidState;
            hash.Dispose();
            return EspErrors.Ok;
        }

        public int ChecksumUpdate(int checksum, byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
                checksum ^= data[offset + i];
            return checksum & 0xFF;
        }
    }
}
