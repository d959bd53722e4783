using System;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Image;

namespace OvmsOta.Tests.Host.Image;

/// <summary>ManagedSha256 against .NET's SHA256 for many lengths and split points.</summary>
[TestClass]
public class Sha256HostTests
{
    [TestMethod]
    public void BlockBoundaryLengthsMatchDotNet()
    {
        var random = new Random(1);
        var sha = new ManagedSha256();
        var digest = new byte[32];
        foreach (int block in new[] { 0, 64, 128, 4096 })
        {
            for (int delta = -9; delta <= 9; delta++)
            {
                int length = block + delta;
                if (length < 0)
                    continue;
                byte[] data = new byte[length];
                random.NextBytes(data);
                sha.Update(data, 0, length);
                sha.Final(digest, 0);
                CollectionAssert.AreEqual(SHA256.HashData(data), digest, $"length {length}");
            }
        }
    }

    [TestMethod]
    public void RandomLengthsInRandomPiecesMatchDotNet()
    {
        var random = new Random(2);
        var sha = new ManagedSha256();
        var digest = new byte[40];
        for (int round = 0; round < 200; round++)
        {
            byte[] data = new byte[random.Next(0, 20000)];
            random.NextBytes(data);
            for (int offset = 0; offset < data.Length;)
            {
                int piece = Math.Min(data.Length - offset, random.Next(0, 300));
                sha.Update(data, offset, piece);
                offset += piece;
            }
            int at = random.Next(0, 9);
            sha.Final(digest, at);
            CollectionAssert.AreEqual(SHA256.HashData(data), digest.AsSpan(at, 32).ToArray(), $"round {round}, length {data.Length}");
        }
    }
}
