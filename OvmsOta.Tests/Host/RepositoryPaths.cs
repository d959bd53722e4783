using System;
using System.IO;

using OvmsOta.Tests.Host;

namespace OvmsOta.Tests.Host
{
    /// <summary>Finds the repository and the shared reference folder from wherever the tests run.</summary>
    public static class RepositoryPaths
    {
        /// <summary>The folder holding OvmsOta.sln, found by walking up from the test assembly.</summary>
        public static string Root => FindUp(AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, "OvmsOta.sln")))
            ?? throw new InvalidOperationException("no OvmsOta.sln above " + AppContext.BaseDirectory);

        /// <summary>../shared beside the repository (env OVMSOTA_SHARED wins), or null on a clone without it.</summary>
        public static string SharedOrNull
        {
            get
            {
                string fromEnv = Environment.GetEnvironmentVariable("OVMSOTA_SHARED");
                if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
                    return fromEnv;
                string parent = FindUp(AppContext.BaseDirectory, dir => Directory.Exists(Path.Combine(dir, "shared", "reference")));
                return parent == null ? null : Path.Combine(parent, "shared");
            }
        }

        /// <summary>../shared/reference; throws with what to do when the clone has no ../shared beside it.</summary>
        public static string Reference => Path.Combine(SharedOrNull
            ?? throw new DirectoryNotFoundException("shared/reference not found above " + AppContext.BaseDirectory + "; set OVMSOTA_SHARED to the shared folder"),
            "reference");

        /// <summary>A golden file made by ESP-IDF's own tools, in ../shared/reference/vectors.</summary>
        public static string Vector(string name) => Path.Combine(Reference, "vectors", name);

        /// <summary>The repository's partitions/ folder.</summary>
        public static string PartitionsFolder => InProject("partitions");

        /// <summary>The API lists as copied to the test output (from Host/Conformance/nanoframework-api).</summary>
        public static string ApiListDirectory => Path.Combine(AppContext.BaseDirectory, "Host", "Conformance", "nanoframework-api");

        public static string InProject(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        public static string InOutput(string fileName) => Path.Combine(AppContext.BaseDirectory, fileName);

        private static string FindUp(string start, Func<string, bool> matches)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (matches(dir.FullName))
                    return dir.FullName;
            }
            return null;
        }
    }
}
