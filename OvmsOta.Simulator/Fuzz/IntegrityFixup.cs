using System.Security.Cryptography;
using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;

namespace OvmsOta.Simulator.Fuzz;

/// <summary>
/// Rewrites a mutated input's checksums so it gets past them: without this nearly every mutation dies at the MD5,
/// CRC or SHA-256 check and the parsing behind it (overlaps, sequence numbers, payloads, what follows a valid image)
/// never sees hostile values. Targets apply it to two inputs in three (<see cref="Applies"/>), keyed on the input so a
/// saved finding replays.
/// </summary>
public static class IntegrityFixup
{
    public static bool Applies(byte[] input) => input.Length % 3 != 0;

    /// <summary>Each partition table MD5 record gets the MD5 of the records before it.</summary>
    public static byte[] PartitionMd5(byte[] input)
    {
        byte[] data = (byte[])input.Clone();
        for (int at = 0; at + PartitionTable.EntrySize <= data.Length; at += PartitionTable.EntrySize)
        {
            if (LittleEndian.ReadUInt16(data, at) == PartitionTable.Md5Magic)
                Md5.Compute(data, 0, at).CopyTo(data, at + 16);
        }
        return data;
    }

    /// <summary>Both otadata entries (at 0 and 0x1000) get the CRC of their sequence number.</summary>
    public static byte[] OtaDataCrc(byte[] input)
    {
        byte[] data = (byte[])input.Clone();
        for (int at = 0; at + 32 <= data.Length; at += FlashGeometry.SectorSize)
            LittleEndian.WriteUInt32(data, at + 28, OvmsOta.OtaData.OtaCrc.OfSeq(LittleEndian.ReadUInt32(data, at)));
        return data;
    }

    /// <summary>Each config copy (copySize apart) whose length fits gets the CRC of its header and payload.</summary>
    public static byte[] ConfigCrc(byte[] input, int copySize)
    {
        const int crcAt = 16, lengthAt = 12, header = 20;
        byte[] data = (byte[])input.Clone();
        for (int at = 0; at + header <= data.Length; at += copySize)
        {
            uint length = LittleEndian.ReadUInt32(data, at + lengthAt);
            if (length > (uint)(copySize - header) || at + header + length > data.Length)
                continue;
            uint register = Crc32.Update(Crc32.StandardInit, data, at, crcAt);
            LittleEndian.WriteUInt32(data, at + crcAt, ~Crc32.Update(register, data, at + header, (int)length));
        }
        return data;
    }

    /// <summary>An image whose structure parses gets the right checksum byte and, when it has one, the right SHA-256.</summary>
    public static byte[] ImageChecksums(byte[] input, int capacity)
    {
        var validator = new ImageValidator(new HostSha256(), new ManagedChecksumFold());
        validator.Begin(capacity);
        try
        {
            validator.Feed(input, 0, input.Length);
        }
        catch (ImageException)
        {
            return input;
        }
        if (!validator.IsComplete)
            return input;
        ImageInfo info = validator.Describe();
        byte[] data = (byte[])input.Clone();
        int end = info.ChecksumOffset + 1;
        data[info.ChecksumOffset] = info.CalculatedChecksum;
        if (info.Header.HashAppended && end + ImageFormat.HashSize <= data.Length)
            SHA256.HashData(data.AsSpan(0, end)).CopyTo(data, end);
        return data;
    }
}
