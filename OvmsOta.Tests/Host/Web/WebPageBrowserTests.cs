using System;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OpenQA.Selenium;
using OvmsOta.Tests.Host.Rpc;

namespace OvmsOta.Tests.Host.Web
{
    /// <summary>
    /// The module's web page in a real browser against the simulated module: load, flash from the server with the
    /// progress bar reaching 100 %, restart, the trial and its countdown, commit, the committed state; a bad file
    /// uploaded is refused. A screenshot of each state is written to a folder the test prints.
    /// </summary>
    [TestClass]
    public class WebPageBrowserTests
    {
        public TestContext TestContext { get; set; }

        [TestMethod]
        [Timeout(240_000)]
        public void FlashFromServerTrialCommitAndABadUpload()
        {
            string shots = Path.Combine(AppContext.BaseDirectory, "web-screenshots");
            Console.WriteLine("screenshots: " + shots);
            using var rig = new ModuleRig(background: true);
            using var browser = new Browser(shots);

            browser.Driver.Navigate().GoToUrl(rig.Listener.PageUrl);
            browser.Until(() => browser.Text("running") == "ota_0", "the page to show the running partition");
            StringAssert.Contains(browser.Text("slots"), Simulator.UpdateServer.DemoTree.InitialVersion);
            Keep(browser.Screenshot("01-loaded"));

            browser.Find("secret").SendKeys(ModuleRig.Secret);
            browser.Find("check").Click();
            browser.Until(() => browser.Text("server").Contains("(is newer)"), "the server version marked as newer");
            StringAssert.Contains(browser.Text("server"), ModuleRig.MainVersion);
            Keep(browser.Screenshot("02-server-is-newer"));

            browser.Find("flash-server").Click();
            browser.Until(() => browser.Text("pct") == "100 %", "the progress bar at 100 %");
            browser.Until(() => browser.Text("outcome").Contains("OTA flash was successful"), "the update's outcome");
            StringAssert.Contains(browser.Text("outcome"), "Next boot will be from 'ota_1'");
            Keep(browser.Screenshot("03-flashed"));

            browser.Find("restart").Click();
            browser.Driver.SwitchTo().Alert().Accept();
            browser.Until(() => rig.Module.LastBoot.Partition.Label == "ota_1", "the module to restart into ota_1");
            browser.Until(() => browser.Find("trial").Displayed, "the trial panel");
            browser.Until(() => Regex.IsMatch(browser.Text("countdown"), @"^\d+ min \d\d s$"), "the countdown");
            string first = browser.Text("countdown");
            browser.Until(() => browser.Text("countdown") != first, "the countdown to run");
            Assert.AreEqual(ModuleRig.MainVersion, rig.Module.RunningVersion);
            Keep(browser.Screenshot("04-trial-countdown"), readme: true);

            browser.Find("commit").Click();
            browser.Until(() => !browser.Find("trial").Displayed, "the trial panel to go");
            browser.Until(() => browser.Text("message").Contains("committed"), "the commit message");
            Assert.IsFalse(rig.Module.Watchdog!.IsOnTrial, "the page said committed, the module is still on trial");
            Keep(browser.Screenshot("05-committed"));

            string bad = Path.Combine(rig.Folder, "not-an-image.bin");
            var noise = new byte[64 * 1024];
            new Random(17).NextBytes(noise);
            File.WriteAllBytes(bad, noise);
            browser.Find("file").SendKeys(bad);
            browser.Find("upload").Click();
            browser.Until(() => browser.Text("outcome").StartsWith("refused"), "the upload's refusal");
            StringAssert.Contains(browser.Text("outcome"), "Error: ");
            Assert.AreEqual("ota_1", rig.Module.Module.Engine.Slots.BootSlots.BootPartition().Label, "a refused upload changed the boot slot");
            Keep(browser.Screenshot("06-bad-upload-refused"));
        }

        void Keep(string path, bool readme = false)
        {
            Assert.IsTrue(new FileInfo(path).Length > 1000, "an empty screenshot: " + path);
            TestContext.AddResultFile(path);
            Console.WriteLine("screenshot " + path + (readme ? " (the README's: docs/webui-trial.png)" : ""));
        }
    }
}
