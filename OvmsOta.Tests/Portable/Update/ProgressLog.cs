#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Update;

namespace OvmsOta.Tests.Portable.Update
{
    /// <summary>Records progress reports, checks they only grow, and can cancel once a byte count is reached.</summary>
    public sealed class ProgressLog : IUpdateProgress
    {
        private readonly UpdateCancellation _cancellation;
        private readonly int _cancelAt;

        public int Reports;
        public int LastSoFar;
        public int LastExpected;

        public ProgressLog() : this(null, 0) { }

        /// <summary>Sets cancellation once at least cancelAt bytes were reported.</summary>
        public ProgressLog(UpdateCancellation cancellation, int cancelAt)
        {
            _cancellation = cancellation;
            _cancelAt = cancelAt;
        }

        public void Report(int bytesSoFar, int bytesExpected)
        {
            Assert.IsTrue(bytesSoFar > LastSoFar, "progress grows: " + LastSoFar.ToString() + " then " + bytesSoFar.ToString());
            Assert.IsTrue(bytesSoFar <= bytesExpected, "progress within the expected size");
            Reports++;
            LastSoFar = bytesSoFar;
            LastExpected = bytesExpected;
            if (_cancellation != null && bytesSoFar >= _cancelAt)
                _cancellation.Cancel();
        }
    }
}
