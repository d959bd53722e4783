using System;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Image;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>NativeSha256 and NativeChecksumFold on a fake native layer: digests, handle lifetime, errors.</summary>
    [TestClass]
    public class NativeHashBindingTests
    {
        private static byte[] Data(int length)
        {
            var data = new byte[length];
            new Random(9).NextBytes(data);
            return data;
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(3)]
        [DataRow(4096)]
        [DataRow(10000)]
        public void The_digest_equals_SHA256_of_the_data_in_pieces(int length)
        {
            var native = new FakeNativeHash();
            var sha = new NativeSha256(native);
            byte[] data = Data(length);
            sha.Reset();
            for (int at = 0; at < length; at += 1000)
                sha.Update(data, at, Math.Min(1000, length - at));
            byte[] digest = new byte[40];

            sha.Final(digest, 8);

            CollectionAssert.AreEqual(SHA256.HashData(data), digest[8..40]);
            Assert.AreEqual(0, native.OpenCount, "Final closes the handle");
        }

        [TestMethod]
        public void Reset_aborts_a_hash_left_open_so_repeated_failures_never_use_up_the_four_slots()
        {
            var native = new FakeNativeHash();
            var sha = new NativeSha256(native);
            byte[] data = Data(100);

            for (int image = 0; image < 10; image++)
            {
                sha.Reset();
                sha.Update(data, 0, 100);   // an image check that throws before Final leaves this open
            }

            Assert.AreEqual(1, native.OpenCount);
            sha.Reset();
            Assert.AreEqual(0, native.OpenCount);
        }

        [TestMethod]
        public void A_failed_update_frees_its_slot_and_names_the_code()
        {
            var native = new FakeNativeHash { FailNextUpdate = EspErrors.InvalidState };
            var sha = new NativeSha256(native);

            var e = Assert.ThrowsExactly<InvalidOperationException>(() => sha.Update(Data(10), 0, 10));

            StringAssert.Contains(e.Message, "ESP_ERR_INVALID_STATE (0x103)");
            Assert.AreEqual(0, native.OpenCount);
        }

        [TestMethod]
        public void With_all_four_slots_taken_the_hash_throws_OutOfMemoryException_and_holds_no_handle()
        {
            // As nanoCLR does it: ESP_ERR_NO_MEM -> CLR_E_OUT_OF_MEMORY -> OutOfMemoryException (no message).
            var native = new FakeNativeHash();
            int[] taken = Enumerable.Range(0, FakeNativeHash.Slots).Select(_ => native.Sha256Begin()).ToArray();
            var sha = new NativeSha256(native);

            Assert.ThrowsExactly<OutOfMemoryException>(() => sha.Update(Data(10), 0, 10));

            native.Sha256Abort(taken[0]);
            sha.Update(Data(10), 0, 10);   // no stale handle left behind: the next image check opens its own
            Assert.AreEqual(FakeNativeHash.Slots, native.OpenCount);
            sha.Reset();
            Assert.AreEqual(FakeNativeHash.Slots - 1, native.OpenCount);
        }

        [TestMethod]
        public void The_validator_works_on_the_native_bindings()
        {
            // Core's image validator on the bindings computes what it computes on its managed fallbacks.
            byte[] image = new ImageBuilder("3.3.005-925-g3e67d4e6d").Build();
            var native = new FakeNativeHash();
            ImageInfo onNative = Validate(new ImageValidator(new NativeSha256(native), new NativeChecksumFold(native)), image);
            ImageInfo onManaged = Validate(new ImageValidator(new ManagedSha256(), new ManagedChecksumFold()), image);

            Assert.IsTrue(onNative.ChecksumValid && onNative.HashValid);
            Assert.AreEqual(onManaged.CalculatedChecksum, onNative.CalculatedChecksum);
            CollectionAssert.AreEqual(onManaged.CalculatedHash, onNative.CalculatedHash);
            Assert.AreEqual(0, native.OpenCount);
        }

        private static ImageInfo Validate(ImageValidator validator, byte[] image)
        {
            validator.Begin(0x100000);
            for (int at = 0; at < image.Length; at += 4096)
                validator.Feed(image, at, Math.Min(4096, image.Length - at));
            return validator.Finish();
        }

        [TestMethod]
        public void The_fold_returns_the_native_byte_and_refuses_anything_else()
        {
            var fold = new NativeChecksumFold(new FakeNativeHash());
            byte[] data = Data(999);

            Assert.AreEqual(new ManagedChecksumFold().Fold(0xEF, data, 1, 998), fold.Fold(0xEF, data, 1, 998));
            Assert.ThrowsExactly<InvalidOperationException>(() => new NativeChecksumFold(new BrokenFold()).Fold(0, data, 0, 1));
        }

        private sealed class BrokenFold : INativeHash
        {
            public int Sha256Begin() => throw new NotSupportedException();
            public int Sha256Update(int handle, byte[] data, int offset, int count) => throw new NotSupportedException();
            public int Sha256Finish(int handle, byte[] digest, int offset) => throw new NotSupportedException();
            public int Sha256Abort(int handle) => throw new NotSupportedException();
            public int ChecksumUpdate(int checksum, byte[] data, int offset, int count) => 0x1EF;
        }
    }
}
