using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Flash;
using OvmsOta.Simulation;
using OvmsOta.Simulator.Signing;
using OvmsOta.Tests.Portable.Shell;
using OvmsOta.Tests.Portable.Signing;

namespace OvmsOta.Tests.Host.Signing;

/// <summary>
/// Signing through the whole engine, as an owner meets it: `ota signing.*` in config, `ota flash vfs` of signed and
/// unsigned images (RSA-3072, the host's verifier bound as the device binds its native one), the anti-rollback minimum
/// rising at `ota commit` (and healing at the next start when a power cut came between the two writes).
/// </summary>
[TestClass]
public class SigningEngineTests
{
    static RsaBlockSigner Key => RsaBlockSigner.First.Value;

    static ShellRig SigningRig(CountingReboot reboot)
    {
        ShellRig rig = ShellRig.RunningOta1();
        rig.Platform.SignatureVerifier = new HostRsaVerifier();
        rig.Platform.Reboot = reboot;
        rig.Start();
        rig.Set("ota", "signing.keys", Key.Key.DigestHex.ToUpperInvariant());
        rig.Flash.Counters.Clear();
        return rig;
    }

    static byte[] Image(string version, uint secureVersion)
    {
        var builder = new ImageBuilder(version) { SecureVersion = secureVersion };
        return builder.Build();
    }

    [TestMethod]
    public void ConfigTakesKeyDigestsOnlyAndStoresThemLowerCase()
    {
        ShellRig rig = SigningRig(new CountingReboot());
        StringAssert.Contains(ShellRig.Join(rig.Run("config get ota signing.keys")), Key.Key.DigestHex);
        Assert.AreEqual(Key.Key.DigestHex, rig.Module.Engine.Config.SigningKeys);
        string refused = ShellRig.Join(rig.Run("config set ota signing.revoked 1234"));
        StringAssert.Contains(refused, "Error: ota signing.revoked: '1234' is not a key digest (64 hex digits");
        string tooMany = ShellRig.Join(rig.Run("config set ota signing.keys " + string.Join(",", Enumerable.Repeat(Key.Key.DigestHex, 5))));
        StringAssert.Contains(tooMany, "at most 4 key digests, found 5");
        Assert.IsTrue(rig.Module.Engine.Config.SigningRequired, "required by default once a key is set");
    }

    [TestMethod]
    public void AnUnsignedImageIsRefusedAndASignedOneInstalls()
    {
        ShellRig rig = SigningRig(new CountingReboot());
        var target = rig.Partition("ota_0");
        rig.Flash.Counters.AddRange("ota_0", target.Offset, target.Size);
        rig.Flash.Counters.Clear();
        byte[] otadata = rig.OtaData();
        rig.Files.Add("/sd/plain.bin", Image("3.3.006", 0));
        string text = ShellRig.Join(rig.Run("ota flash vfs /sd/plain.bin"));
        StringAssert.Contains(text, "Signature check failed: the image is not signed");
        StringAssert.Contains(text, "ota_0 was left unbootable");
        CollectionAssert.AreEqual(otadata, rig.OtaData());
        Assert.AreEqual(rig.Flash.Counters.Range("ota_0").Changes, rig.Flash.Counters.Total.Changes, "changes outside ota_0");
        Assert.AreEqual(0xFF, rig.ReadRegion(rig.Partition("ota_0").Offset, 1)[0]);

        rig.Files.Add("/sd/signed.bin", SignedImages.Sign(Image("3.3.006", 0), Key));
        text = ShellRig.Join(rig.Run("ota flash vfs /sd/signed.bin"));
        StringAssert.Contains(text, "Next boot will be from 'ota_0'");
    }

    [TestMethod]
    public void CommitRaisesTheMinimumAndALowerSecureVersionIsThenRefusedBeforeAnyErase()
    {
        var reboot = new CountingReboot();
        ShellRig rig = SigningRig(reboot);
        rig.Files.Add("/sd/v4.bin", SignedImages.Sign(Image("3.3.006", 4), Key));
        StringAssert.Contains(ShellRig.Join(rig.Run("ota flash vfs /sd/v4.bin")), "OTA flash was successful");
        rig.Platform.RunningPartition = "ota_0";
        rig.Start();
        Assert.AreEqual(0, rig.Module.Engine.Config.MinSecureVersion, "not raised while on trial");
        rig.Run("ota commit");
        Assert.AreEqual(4, rig.Module.Engine.Config.MinSecureVersion);
        StringAssert.Contains(string.Join("\n", rig.Log.LogLines()), "Anti-rollback: ota signing.min_secure_version raised to 4");

        rig.Files.Add("/sd/v3.bin", SignedImages.Sign(Image("3.3.007", 3), Key));
        rig.Flash.Counters.Clear();
        string text = ShellRig.Join(rig.Run("ota flash vfs /sd/v3.bin"));
        StringAssert.Contains(text, "Anti-rollback: secure_version: expected at least 4");
        StringAssert.Contains(text, "found 3");
        Assert.AreEqual(0, rig.Flash.Counters.Total.Changes, text);
    }

    [TestMethod]
    public void APowerCutBetweenCommitAndTheMinimumHealsAtTheNextStart()
    {
        var kinds = new[] { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };
        int changes = -1;
        for (int cut = 1; changes < 0 || cut <= changes; cut++)
            foreach (PowerCutKind kind in kinds)
            {
                var reboot = new CountingReboot();
                ShellRig rig = SigningRig(reboot);
                rig.Files.Add("/sd/v4.bin", SignedImages.Sign(Image("3.3.006", 4), Key));
                rig.Run("ota flash vfs /sd/v4.bin");
                rig.Platform.RunningPartition = "ota_0";
                rig.Start();
                rig.Flash.Counters.Clear();
                if (changes < 0)
                {
                    rig.Run("ota commit");
                    changes = rig.Flash.Counters.Total.Changes;
                    Assert.IsTrue(changes >= 2, "commit and the raised minimum write flash");
                    Assert.AreEqual(4, rig.Module.Engine.Config.MinSecureVersion);
                    break;
                }
                string what = $"cut at change {cut} of {changes} ({PowerCutKindNames.Name(kind)})";
                rig.Flash.ArmPowerCut(cut, kind);
                try
                {
                    rig.Run("ota commit");
                    Assert.Fail(what + ": the power was not cut");
                }
                catch (PowerLossException)
                {
                }
                rig.Flash.Reboot();
                var booted = new OvmsOta.Simulation.BootloaderModel(rig.Flash, rig.Module.Engine.Slots.Table, rig.Module.Engine.Installer.ImageCheck, false).Boot().Partition;
                Assert.IsNotNull(booted, what + ": nothing boots");
                rig.Platform.RunningPartition = booted.Label;
                rig.Start();
                if (booted.Label == "ota_0" && rig.Module.Engine.Trial.IsOnTrial)
                    rig.Run("ota commit");
                int expected = booted.Label == "ota_0" ? 4 : 0;
                Assert.AreEqual(expected, rig.Module.Engine.Config.MinSecureVersion, what + ": booted " + booted.Label);
            }
    }
}
