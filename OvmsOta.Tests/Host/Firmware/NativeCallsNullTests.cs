using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Bindings;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// A null array or label never reaches OvmsOta.Native: on nanoCLR the marshaller would throw a NullReferenceException
    /// that names nothing. The device's call classes refuse it first with an ArgumentNullException naming the call and
    /// the parameter. (On the host the InternalCall methods have no implementation: reaching one would throw something
    /// else, so these tests also show the native side is never called.)
    /// </summary>
    [TestClass]
    public class NativeCallsNullTests
    {
        private static void AssertRefused(Action call, string parameter, string nativeCall)
        {
            var e = Assert.ThrowsExactly<ArgumentNullException>(call);
            Assert.AreEqual(parameter, e.ParamName);
            StringAssert.Contains(e.Message, nativeCall + ": " + parameter + " is null");
        }

        [TestMethod]
        public void The_flash_calls_refuse_a_null_label_or_array()
        {
            var flash = new NativeFlashCalls();
            var buffer = new byte[32];

            AssertRefused(() => flash.PartitionEntry(0, null), "entry", "NativeFlash.PartitionEntry");
            AssertRefused(() => flash.RunningPartitionEntry(null), "entry", "NativeFlash.RunningPartitionEntry");
            AssertRefused(() => flash.Read(null, 0, buffer, 0, 1), "label", "NativeFlash.Read");
            AssertRefused(() => flash.Read("ota_0", 0, null, 0, 1), "buffer", "NativeFlash.Read");
            AssertRefused(() => flash.Write(null, 0, buffer, 0, 1), "label", "NativeFlash.Write");
            AssertRefused(() => flash.Write("ota_0", 0, null, 0, 1), "buffer", "NativeFlash.Write");
            AssertRefused(() => flash.EraseSector(null, 0), "label", "NativeFlash.EraseSector");
            AssertRefused(() => flash.EraseBlock(null, 0), "label", "NativeFlash.EraseBlock");
        }

        [TestMethod]
        public void The_hash_calls_refuse_a_null_array()
        {
            var hash = new NativeHashCalls();

            AssertRefused(() => hash.Sha256Update(1, null, 0, 1), "data", "NativeHash.Sha256Update");
            AssertRefused(() => hash.Sha256Finish(1, null, 0), "digest", "NativeHash.Sha256Finish");
            AssertRefused(() => hash.ChecksumUpdate(0xEF, null, 0, 1), "data", "NativeHash.ChecksumUpdate");
        }

        [TestMethod]
        public void The_inflate_calls_refuse_a_null_array()
        {
            var inflate = new NativeInflateCalls();
            var buffer = new byte[8];
            var counts = new int[2];

            AssertRefused(() => inflate.InflateDecode(1, null, 0, 1, buffer, 0, 8, counts), "input", "NativeInflate.Decode");
            AssertRefused(() => inflate.InflateDecode(1, buffer, 0, 1, null, 0, 8, counts), "output", "NativeInflate.Decode");
            AssertRefused(() => inflate.InflateDecode(1, buffer, 0, 1, buffer, 0, 8, null), "counts", "NativeInflate.Decode");
        }

        [TestMethod]
        public void Without_the_check_the_call_would_reach_the_native_method()
        {
            // The counterpart: a non-null call goes on into OvmsOta.Native, which has no implementation on the host.
            // (.NET refuses an InternalCall outside its own libraries: "ECall methods must be packaged into a system module".)
            Assert.ThrowsExactly<System.Security.SecurityException>(() => new NativeFlashCalls().EraseSector("ota_0", 0));
        }
    }
}
