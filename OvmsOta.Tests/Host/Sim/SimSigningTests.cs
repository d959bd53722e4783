using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>`ovmsota sim --signing`: the demo key signs the server tree; a signed update goes through, an unsigned and an older one are refused.</summary>
    [TestClass]
    public class SimSigningTests
    {
        [TestMethod]
        public void WithSigningRequiredASignedUpdateInstallsAndUnsignedOrOlderOnesAreRefused()
        {
            using var sim = new SimScript();
            string transcript = sim.Run(new[] { "--signing" },
                "config set ota tag unsigned",
                "ota flash http",
                "config set ota tag old",
                "ota flash http",
                "config set ota tag main",
                "ota flash http",
                "module reset",
                "ota status");

            StringAssert.Contains(transcript, "Signing required: ota signing.keys ");
            string unsigned = SimScript.Section(transcript, 1);
            StringAssert.Contains(unsigned, "Signature check failed: the image is not signed");
            StringAssert.Contains(unsigned, "ota_1 was left unbootable");
            string older = SimScript.Section(transcript, 3);
            StringAssert.Contains(older, "Version 3.3.004-1-g0old is older than the running 3.3.005-1-ginitial; to install it anyway: ota flash http force");
            string signed = SimScript.Section(transcript, 5);
            StringAssert.Contains(signed, "OTA flash was successful");
            StringAssert.Contains(SimScript.Section(transcript, 6), "Booted ota_1: 3.3.006");
        }

        [TestMethod]
        public void OnTheDeviceLayoutTheBundlesAreSignedAndAnUnsignedOrOlderOneIsRefused()
        {
            using var sim = new SimScript();
            string transcript = sim.Run(new[] { "--signing", "--layout", "device" },
                "config set ota tag unsigned",
                "ota flash http",
                "config set ota tag old",
                "ota flash http",
                "config set ota tag main",
                "ota flash http",
                "module reset");

            StringAssert.Contains(transcript, "Signing required: ota signing.keys ");
            StringAssert.Contains(SimScript.Section(transcript, 1), "(unsigned): the bundle has no manifest.sig entry");
            StringAssert.Contains(SimScript.Section(transcript, 3), "Version 3.3.004-1-g0old is older than the running");
            StringAssert.Contains(SimScript.Section(transcript, 5), "OTA flash was successful");
            StringAssert.Contains(SimScript.Section(transcript, 6), "Booted ota_1 + deploy_1: 3.3.006");
        }
    }
}
