using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Simulator;

namespace OvmsOta.Tests.Host.Sim
{
    /// <summary>Runs `ovmsota sim --script` in-process on a flash file and server folder in a temp folder, and reads the transcript.</summary>
    public sealed class SimScript : IDisposable
    {
        readonly TempFolder _folder = new TempFolder();

        public string FlashPath => _folder.File("flash.bin");
        public string ServerDir => _folder.File("server");

        /// <summary>Runs the lines as a script; returns the transcript (standard output) and asserts a clean exit.</summary>
        public string Run(string[] extraArgs, params string[] lines)
        {
            string script = _folder.File("script-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".txt");
            File.WriteAllLines(script, lines);
            var output = new StringWriter();
            var error = new StringWriter();
            string[] args = new[] { "sim", "--script", script, "--flash", FlashPath, "--server-dir", ServerDir }.Concat(extraArgs).ToArray();
            int exit = Program.Run(args, output, error);
            Assert.AreEqual(0, exit, "sim failed: " + error + "\n" + output);
            Assert.AreEqual("", error.ToString());
            return output.ToString().Replace("\r\n", "\n");
        }

        public string Run(params string[] lines) => Run(Array.Empty<string>(), lines);

        /// <summary>The output of the n-th (from 0) echoed command, up to the next echo.</summary>
        public static string Section(string transcript, int n)
        {
            string[] parts = transcript.Split("OVMS# ");
            Assert.IsTrue(parts.Length > n + 1, "the transcript has fewer than " + (n + 1) + " commands:\n" + transcript);
            return parts[n + 1];
        }

        public void Dispose() => _folder.Dispose();
    }
}
