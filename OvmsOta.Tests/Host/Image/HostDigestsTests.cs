using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Image;
using OvmsOta.Ports;
using OvmsOta.Simulator.Hashing;

namespace OvmsOta.Tests.Host.Image;

/// <summary>
/// The host tools' digests (.NET's incremental SHA-256, the SIMD checksum fold) against the portable ManagedSha256
/// and ManagedChecksumFold, the nanoCLR implementations and the reference: same known answers, same results for any
/// chunking, offset and reuse.
/// </summary>
[TestClass]
public class HostDigestsTests
{
    [TestMethod]
    [DataRow("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [DataRow("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [DataRow("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 10000,
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")]
    public void Both_SHA256s_give_the_known_answers(string message, int repeat, string expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(message);
        foreach (ISha256 sha in new ISha256[] { new HostSha256(), new ManagedSha256() })
        {
            for (int i = 0; i < repeat; i++)
                sha.Update(bytes, 0, bytes.Length);
            var digest = new byte[32];
            sha.Final(digest, 0);
            Assert.AreEqual(expected, Hex.Digest(digest, 0, 32), sha.GetType().Name);
        }
    }

    [TestMethod]
    public void Host_SHA256_equals_ManagedSha256_for_random_chunkings_offsets_and_resets()
    {
        var random = new Random(19);
        var host = new HostSha256();
        var managed = new ManagedSha256();
        for (int round = 0; round < 300; round++)
        {
            byte[] data = new byte[random.Next(0, 12000)];
            random.NextBytes(data);
            if (round % 3 == 0)
            {
                // Abandoned half-way: Reset must forget what was fed.
                host.Update(data, 0, data.Length / 2);
                managed.Update(data, 0, data.Length / 2);
                host.Reset();
                managed.Reset();
            }
            for (int offset = 0; offset < data.Length;)
            {
                int piece = Math.Min(data.Length - offset, random.Next(0, 5000));
                host.Update(data, offset, piece);
                managed.Update(data, offset, piece);
                offset += piece;
            }
            int at = random.Next(0, 9);
            var fromHost = new byte[41];
            var fromManaged = new byte[41];
            host.Final(fromHost, at);
            managed.Final(fromManaged, at);
            CollectionAssert.AreEqual(fromManaged, fromHost, $"round {round}, {data.Length} bytes");
        }
    }

    [TestMethod]
    public void Host_fold_equals_ManagedChecksumFold_for_random_chunkings_and_offsets()
    {
        var random = new Random(20);
        var host = new HostChecksumFold();
        var managed = new ManagedChecksumFold();
        for (int round = 0; round < 500; round++)
        {
            byte[] data = new byte[random.Next(0, 9000)];
            random.NextBytes(data);
            byte seed = (byte)random.Next(256);
            byte fromHost = seed, fromManaged = seed;
            for (int offset = 0; offset < data.Length;)
            {
                int piece = Math.Min(data.Length - offset, random.Next(0, 700));
                fromHost = host.Fold(fromHost, data, offset, piece);
                fromManaged = managed.Fold(fromManaged, data, offset, piece);
                offset += piece;
            }
            Assert.AreEqual(fromManaged, fromHost, $"round {round}, {data.Length} bytes");
        }
    }

    [TestMethod]
    public void The_host_tools_validate_with_the_host_digests()
    {
        ImageValidator validator = HostDigests.Validator();
        byte[] image = new OvmsOta.Simulation.ImageBuilder("3.3.005-host") { Size = 100_000 }.Build();
        validator.Begin(0x100000);
        validator.Feed(image, 0, image.Length);
        ImageInfo info = validator.Finish();
        var reference = new ImageValidator();
        reference.Begin(0x100000);
        reference.Feed(image, 0, image.Length);
        ImageInfo expected = reference.Finish();
        CollectionAssert.AreEqual(expected.CalculatedHash, info.CalculatedHash);
        Assert.AreEqual(expected.CalculatedChecksum, info.CalculatedChecksum);
    }
}
