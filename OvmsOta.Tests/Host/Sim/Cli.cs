using System.IO;
using System.IO.Compression;
using OvmsOta.Simulator;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>The `ovmsota` command line run in-process, as the command tests use it.</summary>
    public static class Cli
    {
        /// <summary>Runs ovmsota with args; its exit code and what it wrote to stdout and stderr (LF line ends).</summary>
        public static (int Code, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            int code = Program.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        /// <summary>`bundle demo` into the folder, then `bundle make` of its inputs (version 3.3.006-1-gdemo, the demo's
        /// native checksum) with any extra options; returns the bundle's path.</summary>
        public static string MakeDemoBundle(TempFolder temp, params string[] extra)
        {
            var demo = Run("bundle", "demo", temp.Path);
            Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(0, demo.Code, demo.Error);
            string[] make = { "bundle", "make", "--app", temp.File("NANOCLR.bin"), "--deploy", temp.File("DEPLOY.bin"),
                "--version", "3.3.006-1-gdemo", "--native", "OvmsOta.Native=0x5EED0A17", "-o", temp.File("fw.zip") };
            var made = Run(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(make, extra)));
            Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual(0, made.Code, made.Error);
            return temp.File("fw.zip");
        }

        /// <summary>The bytes of a ZIP entry (inflated when it is deflated).</summary>
        public static byte[] Entry(ZipArchive zip, string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
