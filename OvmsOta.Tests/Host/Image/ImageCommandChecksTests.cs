using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulation;
using OvmsOta.Simulator;
using OvmsOta.Tests.Host.Sim;

namespace OvmsOta.Tests.Host.Image;

/// <summary>
/// Issue 15 on the image verbs: `image info` checks the chip revision an image needs against the simulated module's
/// (ESP32 v3.0) and shows the image's texts with control characters visible; `image make --version ""` is refused.
/// </summary>
[TestClass]
public class ImageCommandChecksTests
{

    [TestMethod]
    public void ImageInfoRefusesAnImageThatNeedsALaterChipRevision()
    {
        using var folder = new TempFolder();
        string path = folder.File("v9.bin");
        File.WriteAllBytes(path, new ImageBuilder("3.3.006") { MinChipRevisionFull = 900 }.Build());

        var (code, _, error) = Cli.Run("image", "info", path);

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "invalid image (chip-revision): chip revision check failed. Required >= v9.0, found v3.0");
    }

    [TestMethod]
    public void ImageInfoShowsAnImagesTextsWithControlCharactersVisible()
    {
        using var folder = new TempFolder();
        string path = folder.File("hostile.bin");
        byte[] image = new ImageBuilder("3.3.ABCDE").Build();
        byte[] hostile = { 0x1B, (byte)'[', (byte)'2', (byte)'J', 0x07 };
        for (int i = 0; i + 5 <= image.Length; i++)
            if (Encoding.ASCII.GetString(image, i, 5) == "ABCDE")
                System.Array.Copy(hostile, 0, image, i, 5);
        File.WriteAllBytes(path, image);

        var (_, output, error) = Cli.Run("image", "info", path);

        string all = output + error;
        Assert.IsFalse(all.Any(c => c < 0x20 && c != '\n'), all);
        StringAssert.Contains(output, @"App version: 3.3.\x1b[2J\x07");
        StringAssert.Contains(output, @"OVMS version: 3.3.\x1b[2J\x07");
    }

    [TestMethod]
    public void ImageMakeRefusesAnEmptyVersion()
    {
        using var folder = new TempFolder();
        string path = folder.File("empty.bin");

        var (code, _, error) = Cli.Run("image", "make", "--version", "", "-o", path);

        Assert.AreNotEqual(0, code);
        Assert.AreEqual("image make: --version must not be empty (OVMS and `ota status` show it)\n", error);
        Assert.IsFalse(File.Exists(path));
    }
}
