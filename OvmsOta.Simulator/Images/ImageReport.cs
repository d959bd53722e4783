using OvmsOta.Image;
using OvmsOta.Ports;

namespace OvmsOta.Simulator.Images;

/// <summary>
/// Prints an ImageInfo the way `esptool image-info` (v5) does, line for line, so the two can be
/// compared; OvmsOta adds the OVMS version line and, for a failed hash, the stored digest. The image's texts are
/// printed with their control characters visible (<see cref="VisibleText"/>).
/// </summary>
public static class ImageReport
{
    static readonly string[] FlashModes = { "QIO", "QOUT", "DIO", "DOUT", "FAST_READ", "SLOW_READ" };
    static readonly string[] FlashSizes = { "1MB", "2MB", "4MB", "8MB", "16MB", "32MB", "64MB", "128MB" };

    public static void Write(TextWriter o, ImageInfo info, long fileLength, string? ovmsVersion)
    {
        ImageHeader h = info.Header;
        o.WriteLine($"Image size: {info.ImageLength} bytes");
        if (fileLength != info.ImageLength)
        {
            o.WriteLine($"File size: {fileLength} bytes");
            o.WriteLine($"Trailing data: {fileLength - info.ImageLength} bytes after the image (not part of it)");
        }

        Title(o, "ESP32 Image Header");
        o.WriteLine("Image version: 1");
        o.WriteLine($"Entry point: 0x{h.EntryAddress:x8}");
        o.WriteLine($"Segments: {h.SegmentCount}");
        o.WriteLine($"Flash size: {Name(FlashSizes, h.SpiSize)}");
        o.WriteLine($"Flash freq: {FlashFrequency(h.SpiSpeed)}");
        o.WriteLine($"Flash mode: {Name(FlashModes, h.SpiMode)}");

        Title(o, "ESP32 Extended Image Header");
        o.WriteLine($"WP pin: 0x{h.WpPin:x}" + (h.WpPin == 0xEE ? " (disabled)" : ""));
        uint drv = h.SpiPinDrive;
        o.WriteLine($"Flash pins drive settings: clk_drv: 0x{drv & 0xF:x}, q_drv: 0x{(drv >> 4) & 0xF:x}, d_drv: 0x{(drv >> 8) & 0xF:x}, "
            + $"cs0_drv: 0x{(drv >> 12) & 0xF:x}, hd_drv: 0x{(drv >> 16) & 0xF:x}, wp_drv: 0x{(drv >> 20) & 0xF:x}");
        o.WriteLine($"Chip ID: {h.ChipId} ({(h.ChipId == ImageFormat.ChipIdEsp32 ? "ESP32" : "Unknown ID")})");
        o.WriteLine($"Minimal chip revision: v{h.MinChipRevFull / 100}.{h.MinChipRevFull % 100}, (legacy min_rev = {h.MinChipRev})");
        o.WriteLine($"Maximal chip revision: v{h.MaxChipRevFull / 100}.{h.MaxChipRevFull % 100}");

        Title(o, "Segments Information");
        o.WriteLine("Segment   Length   Load addr   File offs  Memory types");
        o.WriteLine("-------  -------  ----------  ----------  ------------");
        foreach (ImageSegment s in info.Segments)
            o.WriteLine($"{s.Index,7}  0x{s.Length:x5}  0x{s.LoadAddress:x8}  0x{s.HeaderOffset:x8}  {s.MemoryTypes}");

        Title(o, "ESP32 Image Footer");
        o.WriteLine($"Checksum: 0x{info.StoredChecksum:x2} "
            + (info.ChecksumValid ? "(valid)" : $"(invalid - calculated 0x{info.CalculatedChecksum:x2})"));
        if (info.StoredHash != null)
        {
            // esptool prints the digest it calculated; a failed one gets the stored digest beside it.
            o.WriteLine($"Validation hash: {Hex.Digest(info.CalculatedHash, 0, 32)} ({(info.HashValid ? "valid" : "invalid")})");
            if (!info.HashValid)
                o.WriteLine($"Stored hash: {Hex.Digest(info.StoredHash, 0, 32)}");
        }

        AppDescription d = info.AppDescription;
        Title(o, "Application Information");
        o.WriteLine($"Project name: {VisibleText.Of(d.ProjectName)}");
        o.WriteLine($"App version: {VisibleText.Of(d.Version)}");
        o.WriteLine($"Compile time: {VisibleText.Of(d.Date)} {VisibleText.Of(d.Time)}");
        o.WriteLine($"ELF file SHA256: {Hex.Digest(d.ElfSha256, 0, 32)}");
        o.WriteLine($"ESP-IDF: {VisibleText.Of(d.IdfVersion)}");
        o.WriteLine($"Minimal eFuse block revision: {d.MinEfuseBlockRevFull / 100}.{d.MinEfuseBlockRevFull % 100}");
        o.WriteLine($"Maximal eFuse block revision: {d.MaxEfuseBlockRevFull / 100}.{d.MaxEfuseBlockRevFull % 100}");
        if (d.MmuPageSizeLog2 != 0)
            o.WriteLine($"MMU page size: {(1 << d.MmuPageSizeLog2) / 1024} KB");
        o.WriteLine($"Secure version: {d.SecureVersion}");
        if (ovmsVersion != null)
            o.WriteLine($"OVMS version: {VisibleText.Of(ovmsVersion)}");
    }

    static void Title(TextWriter o, string title)
    {
        o.WriteLine();
        o.WriteLine(title);
        o.WriteLine(new string('=', title.Length));
    }

    static string Name(string[] names, int value) => value < names.Length ? names[value] : $"unknown ({value})";

    static string FlashFrequency(int speed) => speed switch
    {
        0x0 => "40m",
        0x1 => "26m",
        0x2 => "20m",
        0xF => "80m",
        _ => $"unknown (0x{speed:x})",
    };
}
