namespace OvmsOta.Tests.Portable.Bundle
{
    /// <summary>manifest.json texts for the bundle tests: one valid manifest whose lines tests remove or replace.</summary>
    public static class ManifestSamples
    {
        public const string AppSha = "6918edcb6a6ee5e53cd5bb81c2a4dc6b2a1a5bd1ed0b4d7c1e49df8e3ea5c5a1";
        public const string DeploySha = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

        public const string Valid =
            "{\n"
            + "\"name\": \"ovmsota\",\n"
            + "\"version\": \"3.3.005-2-gabc1234\",\n"
            + "\"product\": \"ovmsota-device\",\n"
            + "\"buildId\": \"20261202-1\",\n"
            + "\"comment\": \"unknown fields are ignored\",\n"
            + "\"parts\": {\n"
            + " \"app\": {\"src\": \"app.bin\", \"size\": 1200000, \"sha256\": \"" + AppSha + "\", \"target\": \"ota\",\n"
            + "  \"natives\": [{\"name\": \"OvmsOta.Native\", \"checksum\": \"0x1A2B3C4D\"}, {\"name\": \"nanoFramework.Runtime.Native\", \"checksum\": \"0x0EB1\"}]},\n"
            + " \"deploy\": {\"src\": \"deploy.bin\", \"size\": 90000, \"sha256\": \"" + DeploySha + "\", \"target\": \"deploy\", \"extra\": [1, 2],\n"
            + "  \"assemblies\": [{\"name\": \"OvmsOta.Core\", \"version\": \"1.0.0.0\", \"nativeChecksum\": \"0x00000000\"},"
            + " {\"name\": \"OvmsOta.Native\", \"version\": \"1.0.0.0\", \"nativeChecksum\": \"0x1A2B3C4D\"}]}\n"
            + "}\n"
            + "}\n";
    

        /// <summary>Valid with the first from replaced by to (nanoFramework's string has no Replace).</summary>
        public static string With(string from, string to)
        {
            return Replace(Valid, from, to);
        }

        public static string Replace(string text, string from, string to)
        {
            int at = text.IndexOf(from);
            if (at < 0)
                return text;
            return text.Substring(0, at) + to + text.Substring(at + from.Length);
        }
    }
}
