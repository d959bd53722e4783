using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// The generated-layout glue of OvmsOta.Native (native/interop/OvmsOta.Native/OvmsOta_Native.cpp): its
    /// method_lookup[] entries and its g_CLR_AssemblyNative_ record (assembly name, native checksum, version).
    /// </summary>
    public sealed class NativeGlueFile
    {
        public static string Folder => RepositoryPaths.InProject("OvmsOta.Firmware", "native", "interop", "OvmsOta.Native");

        public static string CppPath => Path.Combine(Folder, "OvmsOta_Native.cpp");

        public NativeGlueFile(string text)
        {
            Text = text;
        }

        public static NativeGlueFile Read() => new(File.ReadAllText(CppPath));

        public string Text { get; }

        /// <summary>The entries of method_lookup[], in order, without commas and comments.</summary>
        public List<string> MethodLookup
        {
            get
            {
                var block = Regex.Match(Text, @"method_lookup\[\]\s*=\s*\{(?<body>.*?)\};", RegexOptions.Singleline);
                if (!block.Success)
                    throw new InvalidDataException("no method_lookup[] in the glue");
                return block.Groups["body"].Value.Split('\n')
                    .Select(line => Regex.Replace(line, "//.*$", "").Trim().TrimEnd(','))
                    .Where(line => line.Length > 0)
                    .ToList();
            }
        }

        /// <summary>The checksum of CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_&lt;S&gt; = { "name", 0x..., method_lookup, ... }.</summary>
        public uint Checksum
        {
            get
            {
                var record = Regex.Match(Text,
                    @"CLR_RT_NativeAssemblyData\s+g_CLR_AssemblyNative_\w+\s*=\s*\{\s*""[^""]*""\s*,\s*0x(?<checksum>[0-9A-Fa-f]{1,8})\s*,");
                if (!record.Success)
                    throw new InvalidDataException("no g_CLR_AssemblyNative_ record with a 0x checksum after the assembly name in the glue");
                return uint.Parse(record.Groups["checksum"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
    }
}
