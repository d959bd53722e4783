#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace OvmsOta.Tests.Portable
{
    [TestClass]
    public class ByteBufferTests
    {
        [TestMethod]
        public void BytesWrittenInPiecesPastNanoFrameworksMemoryStreamLimitComeBackInOrder()
        {
            byte[] source = new byte[70000];
            for (int i = 0; i < source.Length; i++)
                source[i] = (byte)(i * 31 + (i >> 9));
            ByteBuffer buffer = new ByteBuffer();

            for (int at = 0; at < source.Length; at += 999)
                buffer.Write(source, at, source.Length - at < 999 ? source.Length - at : 999);

            Assert.AreEqual(source.Length, buffer.Length);
            CollectionAssert.AreEqual(source, buffer.ToArray());
        }

        [TestMethod]
        public void AWriteThatWouldPassSevenHundredKilobytesIsRefusedAndNothingIsAdded()
        {
            ByteBuffer buffer = new ByteBuffer();
            buffer.Write(new byte[1000]);

            // The length is checked before any copy, so a small array with a large count shows the refusal.
            Exception e = Expect.Throws(typeof(InvalidOperationException), () => buffer.Write(new byte[16], 0, ByteBuffer.MaxLength - 999));

            Expect.Contains("at most 716800 bytes", e.Message);
            Expect.Contains("1000 held", e.Message);
            Assert.AreEqual(1000, buffer.Length);
        }
    }
}
