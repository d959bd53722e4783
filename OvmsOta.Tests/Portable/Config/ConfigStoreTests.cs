#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Text;
using OvmsOta.Config;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Config
{
    /// <summary>Defaults, typed reading, persistence and the store's bounds, through ConfigStore and OtaConfig.</summary>
    [TestClass]
    public class ConfigStoreTests
    {
        [TestMethod]
        public void ABlankStoreReadsAsOvmsDefaultsAndWritesNothing()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            var ota = new OtaConfig(ConfigFlash.Store(flash));
            Assert.IsTrue(ota.AutoEnabled);
            Assert.AreEqual(2, ota.AutoHour);
            Assert.IsFalse(ota.AllowModem);
            Assert.AreEqual("api.openvehicles.com/firmware/ota", ota.Server);
            Assert.AreEqual("main", ota.Tag);
            Assert.AreEqual(600, ota.CommitTimeoutSeconds);
            Assert.AreEqual("", ota.PushSecret);
            Assert.IsFalse(ota.PushEnabled);
            Assert.AreEqual("", ota.HttpMru);
            Assert.AreEqual("", ota.VfsMru);
            Assert.IsNull(ota.Store.Warning);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void ValuesSurviveAReboot()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigFlash.Apply(ConfigFlash.Store(flash), "set auto ota no;set ota auto.hour 23;set ota auto.allow.modem yes;"
                + "set ota server https://ovms.dexters-web.de/firmware/ota;set ota tag edge;set ota commit.timeout 900;"
                + "set ota push.secret 0123456789abcdef!");
            var ota = new OtaConfig(ConfigFlash.Store(flash));
            ota.SetHttpMru("http://example.org/fw/ovms3.bin");
            ota.SetVfsMru("/sd/ovms3.bin");

            flash.Reboot();
            var rebooted = new OtaConfig(ConfigFlash.Store(flash));
            Assert.IsFalse(rebooted.AutoEnabled);
            Assert.AreEqual(23, rebooted.AutoHour);
            Assert.IsTrue(rebooted.AllowModem);
            Assert.AreEqual("https://ovms.dexters-web.de/firmware/ota", rebooted.Server);
            Assert.AreEqual("edge", rebooted.Tag);
            Assert.AreEqual(900, rebooted.CommitTimeoutSeconds);
            Assert.AreEqual("0123456789abcdef!", rebooted.PushSecret);
            Assert.IsTrue(rebooted.PushEnabled);
            Assert.AreEqual("http://example.org/fw/ovms3.bin", rebooted.HttpMru);
            Assert.AreEqual("/sd/ovms3.bin", rebooted.VfsMru);
        }

        [TestMethod]
        public void EverySetIsOneEraseAndOneWriteInTheConfigRegionOnly()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigStore store = ConfigFlash.Store(flash);
            FlashOpCounts region = flash.Counters.AddRange("config", store.Region.Address, store.Region.Size);
            flash.Counters.Clear();
            Assert.IsTrue(store.Set("ota", "auto.hour", "4"));
            Assert.AreEqual(1, region.SectorErases);
            Assert.AreEqual(1, region.Writes);
            Assert.AreEqual(2, flash.Counters.Total.Changes);
            Assert.AreEqual(region.Changes, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void SettingTheStoredValueAgainOrRemovingAnUnsetOneWritesNothing()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigStore store = ConfigFlash.Store(flash);
            store.Set("ota", "tag", "eap");
            flash.Counters.Clear();
            Assert.IsFalse(store.Set("ota", "tag", "eap"));
            Assert.IsFalse(store.Remove("ota", "server"));
            Assert.AreEqual(0, store.RemoveAll("auto"));
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void AnEmptyValueOrRmGoesBackToTheDefault()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigStore store = ConfigFlash.Store(flash);
            store.Set("ota", "tag", "eap");
            store.Set("ota", "auto.hour", "5");
            Assert.IsTrue(store.Set("ota", "tag", ""));
            Assert.IsTrue(store.Remove("ota", "auto.hour"));
            var ota = new OtaConfig(ConfigFlash.Store(flash));
            Assert.AreEqual("main", ota.Tag);
            Assert.AreEqual(2, ota.AutoHour);
            Assert.IsNull(ota.Store.Stored("ota", "tag"));
        }

        // How OVMS reads what is stored (strtobool, atoi with defaults): text put there by hand or by another writer.
        [TestMethod]
        [DataRow("auto\tota\t1\n", true)]
        [DataRow("auto\tota\ttrue\n", true)]
        [DataRow("auto\tota\tyes\n", true)]
        [DataRow("auto\tota\tno\n", false)]
        [DataRow("auto\tota\ton\n", false)]
        [DataRow("auto\tota\tYes\n", false)]
        [DataRow("", true)]
        public void StoredBooleansReadTrueOnlyForYesOneAndTrue(string payload, bool expected)
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            WriteRaw(flash, payload);
            Assert.AreEqual(expected, new OtaConfig(ConfigFlash.Store(flash)).AutoEnabled);
        }

        [TestMethod]
        [DataRow("ota\tauto.hour\t7\n", "auto.hour", 7)]
        [DataRow("ota\tauto.hour\t99\n", "auto.hour", 2)]
        [DataRow("ota\tauto.hour\tx\n", "auto.hour", 2)]
        [DataRow("ota\tcommit.timeout\t5\n", "commit.timeout", 600)]
        [DataRow("ota\tcommit.timeout\t3600\n", "commit.timeout", 3600)]
        public void AStoredNumberOutOfRangeReadsAsTheDefault(string payload, string instance, int expected)
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            WriteRaw(flash, payload);
            Assert.AreEqual(expected, ConfigFlash.Store(flash).GetInt("ota", instance));
        }

        [TestMethod]
        public void EntriesThisFirmwareDoesNotKnowAreKeptAcrossWrites()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            WriteRaw(flash, "ota\tsigning.key\tabc\nota\tauto.hour\t3\n");
            ConfigFlash.Store(flash).Set("ota", "tag", "eap");
            byte[] payload = ConfigFlash.Region(flash).Read().Payload;
            Assert.AreEqual("ota\tsigning.key\tabc\nota\tauto.hour\t3\nota\ttag\teap\n", Encoding.UTF8.GetString(payload, 0, payload.Length));
        }

        [TestMethod]
        public void AConfigurationThatWouldNotFitIsRefusedAndNothingIsWritten()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigStore store = ConfigFlash.Store(flash);
            string server = "host.example/" + Repeat('s', 2000);
            string mru = "http://host.example/" + Repeat('m', 2100);
            Assert.IsTrue(store.Set("ota", "server", server));
            flash.Counters.Clear();
            var refused = Expect.Throws(typeof(ConfigException), () => store.Set("ota", "http.mru", mru));
            Expect.Contains("Error: no room in the config store for ota http.mru: the configuration would take ", refused.Message);
            Expect.Contains("the store holds 4076", refused.Message);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
            Assert.IsNull(store.Stored("ota", "http.mru"));

            // What fits still goes in, and the refused value never reached flash.
            Assert.IsTrue(store.Set("ota", "http.mru", "http://host.example/short"));
            Assert.AreEqual(server, new OtaConfig(ConfigFlash.Store(flash)).Server);
            Assert.AreEqual("http://host.example/short", new OtaConfig(ConfigFlash.Store(flash)).HttpMru);
        }

        [TestMethod]
        public void TwoGarbledCopiesReadAsDefaultsWithAWarningAndTheNextSetRepairsTheStore()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigStore first = ConfigFlash.Store(flash);
            first.Set("ota", "auto.hour", "6");
            first.Set("ota", "tag", "eap");
            ConfigFlash.Garble(flash, first.Region, 0, 11);
            ConfigFlash.Garble(flash, first.Region, 1, 12);

            ConfigStore damaged = ConfigFlash.Store(flash);
            var ota = new OtaConfig(damaged);
            Assert.AreEqual(2, ota.AutoHour);
            Assert.AreEqual("main", ota.Tag);
            Expect.Contains("Warning: no valid configuration in the config store at 0xffe000", damaged.Warning);
            Expect.Contains("using defaults", damaged.Warning);

            Assert.IsTrue(damaged.Set("ota", "auto.hour", "8"));
            Assert.IsNull(damaged.Warning);
            ConfigStore repaired = ConfigFlash.Store(flash);
            Assert.IsNull(repaired.Warning);
            Assert.AreEqual(8, new OtaConfig(repaired).AutoHour);
        }

        private static void WriteRaw(SimulatedFlash flash, string payload)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(payload);
            ConfigFlash.Region(flash).Write(bytes, bytes.Length);
        }

        private static string Repeat(char c, int count)
        {
            return new string(c, count);
        }
    }
}
