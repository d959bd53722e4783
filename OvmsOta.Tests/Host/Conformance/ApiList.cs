using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// The nanoFramework API surface an assembly may use: the union of some of the lists in
    /// nanoframework-api/ (one file per nanoFramework assembly; lines T:, M:, F: as its README describes).
    /// </summary>
    public sealed class ApiList
    {
        /// <summary>Lists only a device application may use (hardware, reboot) or only tests (the test framework).</summary>
        public static readonly string[] DeviceAppOnly = { "nanoFramework.Hardware.Esp32.txt", "nanoFramework.Runtime.Native.txt" };
        public static readonly string[] TestOnly = { "nanoFramework.TestFramework.txt" };

        private readonly HashSet<string> entries;

        private ApiList(HashSet<string> entries, IReadOnlyList<string> files)
        {
            this.entries = entries;
            Files = files;
        }

        /// <summary>File names of the lists this surface was built from, for messages.</summary>
        public IReadOnlyList<string> Files { get; }

        public int Count => entries.Count;

        public bool Contains(string entry) => entries.Contains(entry);

        /// <summary>What OvmsOta.Core may use: every list except the device-application and test ones.</summary>
        public static ApiList ForCore() => Load(RepositoryPaths.ApiListDirectory, DeviceAppOnly.Concat(TestOnly));

        /// <summary>What OvmsOta.Firmware may use: every list except the test framework.</summary>
        public static ApiList ForFirmware() => Load(RepositoryPaths.ApiListDirectory, TestOnly);

        public static ApiList Load(string directory, IEnumerable<string> excludedFiles)
        {
            var excluded = new HashSet<string>(excludedFiles, StringComparer.Ordinal);
            var files = Directory.GetFiles(directory, "*.txt")
                .Select(Path.GetFileName)
                .Where(name => !excluded.Contains(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
                throw new InvalidOperationException("no API lists (*.txt) in " + directory);

            var entries = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var raw in File.ReadLines(Path.Combine(directory, file)))
                {
                    string line = raw.Trim();
                    if (line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                        entries.Add(line);
                }
            }
            return new ApiList(entries, files);
        }
    }
}
