using System;
using OvmsOta.Ports;

namespace OvmsOta.Bundle
{
    /// <summary>
    /// manifest.json text to a checked <see cref="BundleManifest"/>: the codec reads the JSON (unknown fields ignored),
    /// then every rule is checked here, so both JSON bindings give the same messages for a missing or wrong field.
    /// </summary>
    public static class ManifestReader
    {
        public const string EntryName = "manifest.json";

        /// <summary>The detached signature of manifest.json (Secure Boot V2 blocks over its SHA-256), right after it.</summary>
        public const string SignatureEntryName = "manifest.sig";

        /// <summary>Bigger manifests are refused before they are read (the device keeps one in memory).</summary>
        public const int MaxSize = 16384;

        public const string AppTarget = "ota";
        public const string DeployTarget = "deploy";
        public const string FilesTarget = "files";

        private const string Prefix = "manifest.json: ";

        public static BundleManifest Read(IJsonCodec codec, string json)
        {
            BundleManifest manifest;
            try
            {
                manifest = (BundleManifest)codec.FromJson(json, typeof(BundleManifest));
            }
            catch (JsonCodecException e)
            {
                throw new BundleException(BundleError.BadManifest, Prefix + (e.Field != null ? e.Field + ": " : string.Empty)
                    + "not readable as a bundle manifest (" + e.Message + ")", e);
            }
            if (manifest == null)
                throw new BundleException(BundleError.BadManifest, Prefix + "is not a JSON object");
            Check(manifest);
            return manifest;
        }

        /// <summary>Every rule of the format (Bundle/README.md); throws BundleException naming the first field that breaks one.</summary>
        public static void Check(BundleManifest manifest)
        {
            Required("name", manifest.Name);
            Required("version", manifest.Version);
            if (manifest.Parts == null)
                throw Missing("parts");
            CheckPart("parts.app", manifest.Parts.App, AppTarget, true);
            CheckPart("parts.deploy", manifest.Parts.Deploy, DeployTarget, true);
            CheckPart("parts.files", manifest.Parts.Files, FilesTarget, false);
            if (manifest.Parts.Deploy.Natives != null)
                throw Bad("parts.deploy.natives", "belongs to the app part (what its nanoCLR provides)");
            if (manifest.Parts.App.Assemblies != null)
                throw Bad("parts.app.assemblies", "belongs to the deploy part");
            NativeChecksum[] natives = manifest.Parts.App.Natives;
            for (int i = 0; natives != null && i < natives.Length; i++)
            {
                string at = "parts.app.natives[" + i.ToString() + "]";
                if (natives[i] == null)
                    throw Missing(at);
                Required(at + ".name", natives[i].Name);
                ParseChecksum(at + ".checksum", natives[i].Checksum);
            }
            DeployAssembly[] assemblies = manifest.Parts.Deploy.Assemblies;
            if (assemblies == null || assemblies.Length == 0)
                throw Missing("parts.deploy.assemblies");
            for (int i = 0; i < assemblies.Length; i++)
            {
                string at = "parts.deploy.assemblies[" + i.ToString() + "]";
                if (assemblies[i] == null)
                    throw Missing(at);
                Required(at + ".name", assemblies[i].Name);
                ParseChecksum(at + ".nativeChecksum", assemblies[i].NativeChecksum);
            }
            if (manifest.Parts.App.Src == manifest.Parts.Deploy.Src
                || (manifest.Parts.Files != null && (manifest.Parts.Files.Src == manifest.Parts.App.Src || manifest.Parts.Files.Src == manifest.Parts.Deploy.Src)))
                throw Bad("parts", "name one ZIP entry twice");
        }

        /// <summary>"0x1A2B3C4D" (1 to 8 hex digits after 0x) as a number.</summary>
        public static uint ParseChecksum(string field, string text)
        {
            Required(field, text);
            if (text.Length < 3 || text.Length > 10 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
                throw Bad(field, "must be 0x and 1 to 8 hex digits, not \"" + VisibleText.Of(text) + "\"");
            uint value = 0;
            for (int i = 2; i < text.Length; i++)
            {
                int digit = HexDigit(text[i]);
                if (digit < 0)
                    throw Bad(field, "must be 0x and 1 to 8 hex digits, not \"" + VisibleText.Of(text) + "\"");
                value = (value << 4) | (uint)digit;
            }
            return value;
        }

        private static void CheckPart(string at, BundlePart part, string target, bool required)
        {
            if (part == null)
            {
                if (required)
                    throw Missing(at);
                return;
            }
            Required(at + ".src", part.Src);
            if (part.Src == EntryName)
                throw Bad(at + ".src", "cannot be the manifest itself");
            if (part.Size <= 0)
                throw part.Size == 0 ? Missing(at + ".size") : Bad(at + ".size", "must be a positive number of bytes, not " + part.Size.ToString());
            if (part.Size > int.MaxValue)
                throw Bad(at + ".size", "is too large (" + part.Size.ToString() + " bytes)");
            Required(at + ".sha256", part.Sha256);
            if (part.Sha256.Length != 64 || !IsLowerHex(part.Sha256))
                throw Bad(at + ".sha256", "must be 64 lower-case hex digits (a SHA-256), not \"" + VisibleText.Of(part.Sha256) + "\"");
            Required(at + ".target", part.Target);
            if (part.Target != target)
                throw Bad(at + ".target", "must be \"" + target + "\", not \"" + VisibleText.Of(part.Target) + "\"");
        }

        private static bool IsLowerHex(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                    return false;
            }
            return true;
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        }

        private static void Required(string field, string value)
        {
            if (value == null || value.Length == 0)
                throw Missing(field);
        }

        private static BundleException Missing(string field)
        {
            return new BundleException(BundleError.BadManifest, Prefix + field + " is missing");
        }

        private static BundleException Bad(string field, string why)
        {
            return new BundleException(BundleError.BadManifest, Prefix + field + " " + why);
        }
    }
}
