#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Config;
using OvmsOta.Flash;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Config
{
    /// <summary>
    /// The backbone check of the configuration: measure the flash operations of a config set (or rm), then cut the
    /// power at each of them in each cut kind (done, not done, torn with several seeds), reboot, and require that the
    /// value read is the old or the new one (never garbage, never another instance changed), and that a later set
    /// works and survives the next reboot.
    /// </summary>
    [TestClass]
    public class ConfigPowerCutTests
    {
        private static readonly PowerCutKind[] Kinds = { PowerCutKind.Done, PowerCutKind.NotDone, PowerCutKind.Torn };
        private const uint Seeds = 4;

        // Sets made before (';'-separated config lines), then the change that is cut: instance of ota, new value ("" = rm).
        [TestMethod]
        [DataRow("", "auto.hour", "5")]
        [DataRow("set ota auto.hour 5", "auto.hour", "7")]
        [DataRow("set ota auto.hour 5;set ota auto.hour 7", "auto.hour", "9")]
        [DataRow("set ota tag eap;set ota server https://ovms.dexters-web.de/firmware/ota", "tag", "")]
        [DataRow("set ota tag eap;set ota auto.hour 3;set ota auto.hour 4", "http.mru", "http://example.org/firmware/ota/v3.3/edge/ovms3.bin")]
        [DataRow("set ota push.secret aaaaaaaaaaaaaaaa", "push.secret", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
        public void APowerCutDuringAConfigSetLeavesTheOldOrTheNewValue(string before, string instance, string value)
        {
            int operations = Measure(before, instance, value);
            Assert.AreEqual(2, operations, "a config set is one erase and one write");
            Assert.AreEqual(operations * (2 + (int)Seeds), Sweep(before, instance, value, Seeds));
        }

        /// <summary>Runs the change once without a cut and returns its number of writes and erases.</summary>
        public static int Measure(string before, string instance, string value)
        {
            SimulatedFlash flash = Prepare(before, 1);
            ConfigStore store = ConfigFlash.Store(flash);
            flash.Counters.Clear();
            Assert.IsTrue(store.Set("ota", instance, value));
            Assert.AreEqual(Expected(value, instance), ConfigFlash.Store(flash).Value("ota", instance));
            return flash.Counters.Total.Changes;
        }

        /// <summary>Cuts the change at every operation in every kind (torn with seeds 1..seeds); returns the cut points tried.</summary>
        public static int Sweep(string before, string instance, string value, uint seeds)
        {
            int operations = Measure(before, instance, value);
            int tried = 0;
            for (int cut = 1; cut <= operations; cut++)
                foreach (PowerCutKind kind in Kinds)
                    for (uint seed = 1; seed <= (kind == PowerCutKind.Torn ? seeds : 1); seed++)
                    {
                        CutAndCheck(before, instance, value, cut, operations, kind, seed);
                        tried++;
                    }
            return tried;
        }

        private static void CutAndCheck(string before, string instance, string value, int cut, int operations, PowerCutKind kind, uint seed)
        {
            SimulatedFlash flash = Prepare(before, seed);
            ConfigStore store = ConfigFlash.Store(flash);
            string[] old = Snapshot(store);
            string oldValue = store.Value("ota", instance);
            string newValue = Expected(value, instance);
            string what = "cut at operation " + cut.ToString() + " of " + operations.ToString() + " ("
                + PowerCutKindNames.Name(kind) + ", seed " + seed.ToString()
                + ") setting ota " + instance + " '" + oldValue + "' -> '" + newValue + "' after [" + before + "]";

            flash.ArmPowerCut(cut, kind);
            bool lost = false;
            try
            {
                store.Set("ota", instance, value);
            }
            catch (PowerLossException)
            {
                lost = true;
            }
            Assert.IsTrue(lost, what + ": the power was not cut");
            flash.Reboot();

            // After the reboot: a fresh store over the same flash, as firmware makes at boot.
            ConfigStore rebooted = ConfigFlash.Store(flash);
            string read = rebooted.Value("ota", instance);
            Assert.IsTrue(read == oldValue || read == newValue, what + ": read '" + read + "'");
            if (cut == operations && kind == PowerCutKind.Done)
                Assert.AreEqual(newValue, read, what + ": the write completed");
            if (cut == 1 && kind == PowerCutKind.NotDone)
                Assert.AreEqual(oldValue, read, what + ": nothing was changed");
            AssertOthersUnchanged(old, Snapshot(rebooted), instance, what);

            // A later set works and survives the next reboot.
            Assert.IsTrue(rebooted.Set("ota", "auto.hour", "21"), what + ": later set");
            ConfigStore again = ConfigFlash.Store(flash);
            Assert.IsNull(again.Warning, what + ": after the later set");
            Assert.AreEqual(21, again.GetInt("ota", "auto.hour"), what + ": after the later set");
            Assert.AreEqual(read, instance == "auto.hour" ? read : again.Value("ota", instance), what + ": kept by the later set");
        }

        /// <summary>The value config get shows after the change ("" = rm = the default).</summary>
        private static string Expected(string value, string instance)
        {
            return value.Length > 0 ? value : ConfigParams.Find("ota", instance).Default;
        }

        /// <summary>Every known value in effect, in table order.</summary>
        private static string[] Snapshot(ConfigStore store)
        {
            var values = new string[ConfigParams.Count];
            for (int i = 0; i < values.Length; i++)
                values[i] = store.Value(ConfigParams.At(i).Param, ConfigParams.At(i).Instance);
            return values;
        }

        private static void AssertOthersUnchanged(string[] old, string[] now, string instance, string what)
        {
            for (int i = 0; i < old.Length; i++)
            {
                ConfigParam p = ConfigParams.At(i);
                if (p.Param == "ota" && p.Instance == instance)
                    continue;
                Assert.AreEqual(old[i], now[i], what + ": " + p.Name + " changed");
            }
        }

        private static SimulatedFlash Prepare(string before, uint seed)
        {
            SimulatedFlash flash = ConfigFlash.New(seed);
            ConfigFlash.Apply(ConfigFlash.Store(flash), before);
            flash.Counters.Clear();
            return flash;
        }
    }
}
