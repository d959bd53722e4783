using System;
using System.IO;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace OvmsOta.Tests.Host.Web
{
    /// <summary>
    /// Debian's headless chromium driven through its chromium-driver (both installed by .ci/run), at a phone's window
    /// size. Nothing is downloaded: the driver and the browser are given by path and Selenium Manager is kept offline.
    /// Waits poll with generous limits (a loaded 2-core machine); a missing browser fails the test, it does not skip it.
    /// </summary>
    public sealed class Browser : IDisposable
    {
        public const string ChromiumPath = "/usr/bin/chromium";
        public const string DriverPath = "/usr/bin/chromedriver";
        static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

        public Browser(string screenshotFolder)
        {
            Assert.IsTrue(File.Exists(ChromiumPath) && File.Exists(DriverPath),
                "chromium and chromium-driver are not installed (.ci/run installs them: apt-get install -y chromium chromium-driver)");
            Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
            var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath), Path.GetFileName(DriverPath));
            service.HideCommandPromptWindow = true;
            service.SuppressInitialDiagnosticInformation = true;
            var options = new ChromeOptions { BinaryLocation = ChromiumPath };
            // A phone's width (tall enough that a screenshot holds the whole page); no sandbox (CI runs as root), /tmp instead of a small /dev/shm.
            options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=412,1500",
                "--no-first-run", "--disable-extensions");
            Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
            Driver.Manage().Timeouts().PageLoad = Patience;
            ScreenshotFolder = screenshotFolder;
            Directory.CreateDirectory(screenshotFolder);
        }

        public ChromeDriver Driver { get; }
        public string ScreenshotFolder { get; }

        public IWebElement Find(string id) => Driver.FindElement(By.Id(id));

        public string Text(string id) => Find(id).Text;

        /// <summary>Polls condition until it holds; fails naming what was awaited and what the page showed.</summary>
        public void Until(Func<bool> condition, string what)
        {
            DateTime end = DateTime.UtcNow + Patience;
            Exception last = null;
            while (DateTime.UtcNow < end)
            {
                try
                {
                    if (condition())
                        return;
                }
                catch (WebDriverException e)
                {
                    last = e; // an element replaced while the page redraws: try again
                }
                Thread.Sleep(100);
            }
            string shot = Screenshot("timeout");
            Assert.Fail("waited " + Patience.TotalSeconds + " s for " + what + "; message: '" + SafeText("message") + "', outcome: '"
                + SafeText("outcome") + "' (screenshot " + shot + ")" + (last != null ? " last error: " + last.Message : ""));
        }

        string SafeText(string id)
        {
            try
            {
                return Text(id);
            }
            catch (WebDriverException)
            {
                return "?";
            }
        }

        /// <summary>Saves the window as NAME.png in the screenshot folder; returns its path.</summary>
        public string Screenshot(string name)
        {
            string path = Path.Combine(ScreenshotFolder, name + ".png");
            ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(path);
            return path;
        }

        public void Dispose()
        {
            Driver.Quit();
            Driver.Dispose();
        }
    }
}
