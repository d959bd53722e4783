#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Config;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Config
{
    /// <summary>The config command's transcripts, and every refusal: its message, and no flash change.</summary>
    [TestClass]
    public class ConfigCommandTests
    {
        [TestMethod]
        public void ListShowsTheParamsWithOvmsTitles()
        {
            ConfigCommand config = ConfigFlash.Command(ConfigFlash.New(1));
            Assert.AreEqual(
                "auto                 Auto init configuration\n" +
                "ota                  OTA setup and status\n" +
                "password             Password store\n", config.ExecuteLine("config list"));
        }

        [TestMethod]
        public void ListOfOtaOnABlankStoreShowsEveryDefault()
        {
            ConfigCommand config = ConfigFlash.Command(ConfigFlash.New(1));
            Assert.AreEqual(
                "ota (readable writeable)\n" +
                "  auto.hour: 2 (default)\n" +
                "  auto.allow.modem: no (default)\n" +
                "  server: api.openvehicles.com/firmware/ota (default)\n" +
                "  tag: main (default)\n" +
                "  http.mru: (not set)\n" +
                "  vfs.mru: (not set)\n" +
                "  commit.timeout: 600 (default)\n" +
                "  commit.auto: yes (default)\n" +
                "  push.secret: (not set)\n" +
                "  parttype.notified: no (default)\n" +
                "  parttype.notifyversion: 3.3.006 (default)\n" +
                "  signing.keys: (not set)\n" +
                "  signing.revoked: (not set)\n" +
                "  signing.required: yes (default)\n" +
                "  signing.min_secure_version: 0 (default)\n", config.ExecuteLine("config list ota"));
            Assert.AreEqual("password (readable writeable)\n  module: (not set)\n", config.ExecuteLine("config list password"));
            Assert.AreEqual("auto (readable writeable)\n  ota: yes (default)\n", config.ExecuteLine("config list auto"));
            Assert.AreEqual("vehicle not found\n", config.ExecuteLine("config list vehicle"));
        }

        [TestMethod]
        public void SetGetListAndRmTranscript()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigCommand config = ConfigFlash.Command(flash);
            Assert.AreEqual("Parameter has been set.\n", config.ExecuteLine("config set ota auto.hour 4"));
            Assert.AreEqual("auto.hour: 4\n", config.ExecuteLine("config get ota auto.hour"));
            Assert.AreEqual("Parameter has been set.\n", config.ExecuteLine("config set auto ota false"));
            Assert.AreEqual("ota: no\n", config.ExecuteLine("config get auto ota"));
            Assert.AreEqual("Parameter has been set.\n", config.ExecuteLine("config set ota push.secret correct-horse-battery"));
            Assert.AreEqual("push.secret: (set)\n", config.ExecuteLine("config get ota push.secret"));
            string list = config.ExecuteLine("config list ota");
            Expect.Contains("  auto.hour: 4\n", list);
            Expect.Contains("  push.secret: (set)\n", list);
            Assert.IsTrue(list.IndexOf("correct-horse") < 0, "the secret must not be shown: " + list);

            // A new command over the same flash (a reboot) sees the same.
            ConfigCommand rebooted = ConfigFlash.Command(flash);
            Assert.AreEqual("auto.hour: 4\n", rebooted.ExecuteLine("config get ota auto.hour"));
            Assert.AreEqual("Instance auto.hour has been removed.\n", rebooted.ExecuteLine("config rm ota auto.hour"));
            Assert.AreEqual("auto.hour: 2 (default)\n", rebooted.ExecuteLine("config get ota auto.hour"));
            Assert.AreEqual("Instance auto.hour is not set; its default is in effect.\n", rebooted.ExecuteLine("config rm ota auto.hour"));
            Assert.AreEqual("Parameter ota has been removed.\n", rebooted.ExecuteLine("config rm ota *"));
            Assert.AreEqual("push.secret: (not set)\n", ConfigFlash.Command(flash).ExecuteLine("config get ota push.secret"));
            Assert.AreEqual("ota: no\n", ConfigFlash.Command(flash).ExecuteLine("config get auto ota"));
        }

        [TestMethod]
        public void AQuotedValueKeepsItsSpacesAndAnEmptyOneMeansTheDefault()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigCommand config = ConfigFlash.Command(flash);
            Assert.AreEqual("Parameter has been set.\n", config.ExecuteLine("config set ota vfs.mru \"/sd/my firmware/ovms3.bin\""));
            Assert.AreEqual("vfs.mru: /sd/my firmware/ovms3.bin\n", config.ExecuteLine("config get ota vfs.mru"));
            Assert.AreEqual("Parameter has been set.\n", config.ExecuteLine("config set ota vfs.mru \"\""));
            Assert.AreEqual("vfs.mru: (not set)\n", config.ExecuteLine("config get ota vfs.mru"));
        }

        // Accepted values and the form they are stored in.
        [TestMethod]
        [DataRow("auto", "ota", "YES", "yes")]
        [DataRow("auto", "ota", "1", "yes")]
        [DataRow("auto", "ota", "True", "yes")]
        [DataRow("auto", "ota", "0", "no")]
        [DataRow("ota", "auto.allow.modem", "true", "yes")]
        [DataRow("ota", "auto.hour", "0", "0")]
        [DataRow("ota", "auto.hour", "23", "23")]
        [DataRow("ota", "auto.hour", "07", "7")]
        [DataRow("ota", "server", "api.openvehicles.com/firmware/ota", "api.openvehicles.com/firmware/ota")]
        [DataRow("ota", "server", "https://ovms.dexters-web.de/firmware/ota", "https://ovms.dexters-web.de/firmware/ota")]
        [DataRow("ota", "server", "HTTP://192.168.1.5:8080/fw", "HTTP://192.168.1.5:8080/fw")]
        [DataRow("ota", "server", "localhost", "localhost")]
        [DataRow("ota", "tag", "eap", "eap")]
        [DataRow("ota", "tag", "edge", "edge")]
        [DataRow("ota", "tag", "my-build_3.3.x", "my-build_3.3.x")]
        [DataRow("ota", "commit.timeout", "60", "60")]
        [DataRow("ota", "commit.timeout", "86400", "86400")]
        [DataRow("ota", "push.secret", "0123456789abcdef", "0123456789abcdef")]
        [DataRow("ota", "http.mru", "http://x/y?a=b#c", "http://x/y?a=b#c")]
        public void GoodValuesAreStoredInTheirNormalForm(string param, string instance, string value, string stored)
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            Assert.AreEqual("Parameter has been set.\n", ConfigFlash.Command(flash).Execute(new string[] { "set", param, instance, value }));
            Assert.AreEqual(stored, ConfigFlash.Store(flash).Stored(param, instance));
        }

        // Every refusal: the exact start of the message, and no erase or write at all.
        [TestMethod]
        [DataRow("auto", "ota", "maybe", "Error: auto ota must be yes or no (1, 0, true and false are accepted too), not 'maybe'")]
        [DataRow("ota", "auto.allow.modem", "2", "Error: ota auto.allow.modem must be yes or no")]
        [DataRow("ota", "auto.hour", "24", "Error: ota auto.hour must be a whole number from 0 to 23 (hour of the day), not '24'")]
        [DataRow("ota", "auto.hour", "-1", "Error: ota auto.hour must be a whole number from 0 to 23")]
        [DataRow("ota", "auto.hour", "2.5", "Error: ota auto.hour must be a whole number from 0 to 23")]
        [DataRow("ota", "auto.hour", "two", "Error: ota auto.hour must be a whole number from 0 to 23")]
        [DataRow("ota", "auto.hour", "9999999999", "Error: ota auto.hour must be a whole number from 0 to 23")]
        [DataRow("ota", "commit.timeout", "59", "Error: ota commit.timeout must be a whole number from 60 to 86400 (seconds), not '59'")]
        [DataRow("ota", "commit.timeout", "86401", "Error: ota commit.timeout must be a whole number from 60 to 86400 (seconds)")]
        [DataRow("ota", "server", "ftp://host/fw", "Error: ota server must be a host and path such as api.openvehicles.com/firmware/ota, optionally starting with http:// or https:// (only http:// and https:// are understood)")]
        [DataRow("ota", "server", "https://", "(no host name)")]
        [DataRow("ota", "server", "/firmware/ota", "(no host name)")]
        [DataRow("ota", "server", "host.example/ota/", "(without a trailing '/'")]
        [DataRow("ota", "server", "bad_host/ota", "(a host name has only letters")]
        [DataRow("ota", "server", "host:port/ota", "(a host name has only letters")]
        [DataRow("ota", "server", "host/a?b", "(no spaces, quotes")]
        [DataRow("ota", "server", "host/a b", "(no spaces, quotes")]
        [DataRow("ota", "tag", "my tag", "Error: ota tag must be main, eap, edge or a custom tag of 1 to 32 letters, digits, '.', '-' or '_', not 'my tag'")]
        [DataRow("ota", "tag", "a/b", "Error: ota tag must be main, eap, edge")]
        [DataRow("ota", "tag", "abcdefghijklmnopqrstuvwxyz0123456", "Error: ota tag must be main, eap, edge")]
        [DataRow("ota", "push.secret", "short", "Error: ota push.secret must be 16 to 128 visible ASCII characters")]
        [DataRow("ota", "push.secret", "sixteen chars here", "Error: ota push.secret must be 16 to 128 visible ASCII characters")]
        [DataRow("ota", "http.mru", "http://x/\ty", "Error: ota http.mru cannot contain tabs, line breaks or other control characters")]
        [DataRow("ota", "vfs.mru", "/sd/a\nb", "Error: ota vfs.mru cannot contain tabs")]
        [DataRow("vehicle", "id", "x", "Error: parameter not found\nKnown parameters: auto, ota")]
        [DataRow("ota", "auto.daily", "yes", "Error: ota has no instance auto.daily (known: auto.hour, auto.allow.modem, server, tag, http.mru, vfs.mru, commit.timeout, commit.auto, push.secret, parttype.notified, parttype.notifyversion, signing.keys, signing.revoked, signing.required, signing.min_secure_version)")]
        [DataRow("auto", "hour", "3", "Error: auto has no instance hour (known: ota)")]
        public void EveryBadValueIsRefusedWithItsMessageAndNothingIsWritten(string param, string instance, string value, string expected)
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigCommand config = ConfigFlash.Command(flash);
            config.ExecuteLine("config set ota auto.hour 5");
            flash.Counters.Clear();
            string output = config.Execute(new string[] { "set", param, instance, value });
            Expect.Contains(expected, output);
            Assert.IsTrue(output.IndexOf("Error: ") == 0, output);
            Assert.AreEqual(0, flash.Counters.Total.Changes, "flash changed by a refused set: " + flash.Counters.Total.ToString());
            if (instance == "push.secret")
                Expect.DoesNotContain(value, output); // a refused secret must not be echoed
            Assert.AreEqual("5", ConfigFlash.Store(flash).Stored("ota", "auto.hour"));
        }

        [TestMethod]
        [DataRow("config", "Subcommand required\nUsage: config list [<param>] | get <param> <instance> | set <param> <instance> <value> | rm <param> {<instance> | *}\n")]
        [DataRow("config show", "Error: unknown config command 'show'\nUsage: config list")]
        [DataRow("config set ota tag", "Error: usage: config set <param> <instance> <value>")]
        [DataRow("config set ota tag a b", "Error: usage: config set <param> <instance> <value>")]
        [DataRow("config get ota", "Error: usage: config get <param> <instance>\n")]
        [DataRow("config rm ota", "Error: usage: config rm <param> {<instance> | *}\n")]
        [DataRow("config list ota tag", "Error: usage: config list [<param>]\n")]
        [DataRow("config set ota vfs.mru \"/sd/x", "Error: a quoted value has no closing quote\n")]
        [DataRow("config get ota nothing", "Error: ota has no instance nothing")]
        [DataRow("config rm ota nothing", "Error: ota has no instance nothing")]
        [DataRow("config rm vehicle *", "Error: parameter not found\n")]
        public void UsageMistakesAreAnsweredAndChangeNothing(string line, string expected)
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            string output = ConfigFlash.Command(flash).ExecuteLine(line);
            Expect.Contains(expected, output);
            Assert.AreEqual(0, flash.Counters.Total.Changes);
        }

        [TestMethod]
        public void ListShowsTheWarningOfADamagedStore()
        {
            SimulatedFlash flash = ConfigFlash.New(1);
            ConfigRegion region = ConfigFlash.Region(flash);
            ConfigFlash.Garble(flash, region, 0, 5);
            ConfigFlash.Garble(flash, region, 1, 6);
            string list = ConfigFlash.Command(flash).ExecuteLine("config list");
            Assert.IsTrue(list.IndexOf("Warning: no valid configuration") == 0, list);
            Expect.Contains("ota                  OTA setup and status\n", list);
        }
    }
}
