using System;

namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// OVMS's version strings: GetOVMSVersion ("3.3.005-925-g3e67d4e6d/ota_1/edge"), the metric m.version
    /// with " (build idf ... , product ...)", and the User-Agent the module sends to the update server.
    /// </summary>
    public static class OvmsVersion
    {
        static readonly string[] Months = new string[]
        {
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        };

        /// <summary>&lt;version&gt;/&lt;running partition label&gt;/&lt;tag&gt;; an empty tag is the build tag (main).</summary>
        public static string Short(string version, string runningLabel, string tag)
        {
            if (tag == null || tag.Length == 0)
                tag = UpdateUrl.DefaultTag;
            return version + "/" + runningLabel + "/" + tag;
        }

        /// <summary>The full m.version: short form + " (build idf &lt;idf&gt; &lt;date&gt; &lt;time&gt;, product &lt;product&gt;)".</summary>
        public static string Full(string version, string runningLabel, string tag,
            string idfVersion, string buildDate, string buildTime, string product)
        {
            return Short(version, runningLabel, tag) + " (build idf " + idfVersion + " " + buildDate + " "
                + buildTime + ", product " + product + ")";
        }

        /// <summary>A date as the C compiler's __DATE__ writes it: "Mmm dd yyyy", day padded with a space.</summary>
        public static string CompilerDate(int year, int month, int day)
        {
            if (month < 1 || month > 12)
                throw new ArgumentException("Month " + month.ToString() + " is out of range: expected 1 to 12");
            string dd = day < 10 ? " " + day.ToString() : day.ToString();
            return Months[month - 1] + " " + dd + " " + year.ToString();
        }

        /// <summary>User-Agent of OTA requests: ovms/&lt;product&gt; (&lt;vehicle id&gt; &lt;m.version&gt;).</summary>
        public static string UserAgent(string product, string vehicleId, string fullVersion)
        {
            return "ovms/" + product + " (" + vehicleId + " " + fullVersion + ")";
        }
    }
}
