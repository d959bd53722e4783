using System.Collections.Generic;
using OvmsOta.Firmware.Bindings;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// A scripted fake of the native inflate layer: a 2-slot handle table like ovmsota_inflate.c (an unknown or ended
    /// handle is 0x103; a third open stream throws OutOfMemoryException, as the glue's CLR_E_OUT_OF_MEMORY does), and
    /// each decode answers the next scripted (status, consumed, produced), writing produced bytes of Fill. The inflating
    /// itself is tested natively (inflate_test.cpp); this checks what the binding does with the answers.
    /// </summary>
    public sealed class FakeNativeInflate : INativeInflate
    {
        public const int Slots = 2;

        private readonly HashSet<int> _open = new HashSet<int>();
        private readonly Queue<int[]> _script = new Queue<int[]>();
        private int _next = 1;

        /// <summary>The byte every produced byte is written as.</summary>
        public byte Fill = 0x5A;

        public int OpenCount => _open.Count;
        public int Begins { get; private set; }
        public int LastHandle { get; private set; }

        public void Answer(int status, int consumed, int produced) => _script.Enqueue(new[] { status, consumed, produced });

        public int InflateBegin()
        {
            if (_open.Count == Slots)
                throw new System.OutOfMemoryException();
            Begins++;
            _open.Add(_next);
            return _next++;
        }

        public int InflateDecode(int handle, byte[] input, int inOffset, int inCount, byte[] output, int outOffset, int outCount, int[] counts)
        {
            LastHandle = handle;
            if (!_open.Contains(handle))
                return EspErrors.InvalidState;
            int[] answer = _script.Dequeue();
            if (answer[0] >= -1 && answer[0] <= 2)   // a status (an esp_err_t takes and writes nothing)
            {
                counts[0] = answer[1];
                counts[1] = answer[2];
                for (int i = 0; i < answer[2] && i < outCount; i++)
                    output[outOffset + i] = Fill;
            }
            return answer[0];
        }

        public int InflateEnd(int handle) => _open.Remove(handle) ? EspErrors.Ok : EspErrors.InvalidState;
    }
}
