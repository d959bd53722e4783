using OvmsOta.Image;
using OvmsOta.Signing;

namespace OvmsOta.Config
{
    /// <summary>
    /// The checks of config set, one per <see cref="ConfigKind"/>: a value is either returned in its stored form
    /// (booleans as yes/no) or refused with a <see cref="ConfigException"/> naming the allowed range or choices.
    /// No check touches flash. The empty value never gets here: it means "back to the default".
    /// </summary>
    public static class ConfigValidation
    {
        private const string HttpPrefix = "http://";
        private const string HttpsPrefix = "https://";
        private const string SchemeMark = "://";
        private const string PathForbidden = "\"'?#\\<>";

        /// <summary>value as stored for p, or throws ConfigException with the owner-facing refusal.</summary>
        public static string Normalize(ConfigParam p, string value)
        {
            switch (p.Kind)
            {
                case ConfigKind.Bool: return NormalizeBool(p, value);
                case ConfigKind.Int: return NormalizeInt(p, value);
                case ConfigKind.Server: return CheckServer(p, value);
                case ConfigKind.Tag: return CheckTag(p, value);
                case ConfigKind.Secret: return CheckSecret(p, value);
                case ConfigKind.KeyList: return NormalizeKeyList(p, value);
                default: return CheckText(p, value);
            }
        }

        /// <summary>OVMS's reading of a stored boolean: true for exactly yes, 1 or true.</summary>
        public static bool ReadsTrue(string stored)
        {
            return stored == "yes" || stored == "1" || stored == "true";
        }

        /// <summary>A non-negative decimal of at most 9 digits, or -1.</summary>
        public static int ParseWhole(string text)
        {
            if (text == null || text.Length == 0 || text.Length > 9)
                return -1;
            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                    return -1;
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private static string NormalizeBool(ConfigParam p, string value)
        {
            string lower = value.ToLower();
            if (lower == "yes" || lower == "1" || lower == "true")
                return "yes";
            if (lower == "no" || lower == "0" || lower == "false")
                return "no";
            throw new ConfigException(ConfigTexts.BoolRefused(p.Name, value));
        }

        private static string NormalizeInt(ConfigParam p, string value)
        {
            int number = ParseWhole(value);
            if (number < p.Min || number > p.Max)
                throw new ConfigException(ConfigTexts.IntRefused(p.Name, p.Min, p.Max, p.Unit, value));
            return number.ToString();
        }

        private static string CheckServer(ConfigParam p, string value)
        {
            string lower = value.ToLower();
            string rest = lower.StartsWith(HttpPrefix) ? value.Substring(HttpPrefix.Length)
                : lower.StartsWith(HttpsPrefix) ? value.Substring(HttpsPrefix.Length) : value;
            if (rest.IndexOf(SchemeMark) >= 0)
                throw new ConfigException(ConfigTexts.ServerRefused(p.Name, value, ConfigTexts.ServerScheme));
            if (rest.Length == 0 || rest[0] == '/')
                throw new ConfigException(ConfigTexts.ServerRefused(p.Name, value, ConfigTexts.ServerNoHost));
            if (rest[rest.Length - 1] == '/')
                throw new ConfigException(ConfigTexts.ServerRefused(p.Name, value, ConfigTexts.ServerTrailingSlash));
            int slash = rest.IndexOf('/');
            string host = slash < 0 ? rest : rest.Substring(0, slash);
            if (!IsHost(host))
                throw new ConfigException(ConfigTexts.ServerRefused(p.Name, value, ConfigTexts.ServerBadHost));
            for (int i = host.Length; i < rest.Length; i++)
                if (!IsVisibleAscii(rest[i]) || PathForbidden.IndexOf(rest[i]) >= 0)
                    throw new ConfigException(ConfigTexts.ServerRefused(p.Name, value, ConfigTexts.ServerBadPath));
            return value;
        }

        /// <summary>Letters, digits, '.' and '-', then an optional ":port" of digits.</summary>
        private static bool IsHost(string host)
        {
            int colon = host.IndexOf(':');
            string name = colon < 0 ? host : host.Substring(0, colon);
            if (name.Length == 0)
                return false;
            foreach (char c in name.ToCharArray())
                if (!IsLetterOrDigit(c) && c != '.' && c != '-')
                    return false;
            return colon < 0 || ParseWhole(host.Substring(colon + 1)) > 0;
        }

        private static string CheckTag(ConfigParam p, string value)
        {
            bool ok = value.Length >= p.Min && value.Length <= p.Max;
            for (int i = 0; ok && i < value.Length; i++)
            {
                char c = value[i];
                ok = IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
            }
            if (!ok)
                throw new ConfigException(ConfigTexts.TagRefused(p.Name, value));
            return value;
        }

        private static string CheckSecret(ConfigParam p, string value)
        {
            bool ok = value.Length >= p.Min && value.Length <= p.Max;
            for (int i = 0; ok && i < value.Length; i++)
                ok = IsVisibleAscii(value[i]);
            if (!ok)
                throw new ConfigException(ConfigTexts.SecretRefused(p.Name, p.Min, p.Max));
            return value;
        }

        /// <summary>Key digests stored lower-case, comma-separated; anything else is refused with the item at fault.</summary>
        private static string NormalizeKeyList(ConfigParam p, string value)
        {
            KeyList keys;
            try
            {
                keys = KeyList.Parse(value);
            }
            catch (System.ArgumentException e)
            {
                throw new ConfigException("Error: " + p.Name + ": " + e.Message);
            }
            var builder = new System.Text.StringBuilder();
            for (int i = 0; i < keys.Count; i++)
            {
                if (i > 0)
                    builder.Append(',');
                builder.Append(Hex.Digest(keys.At(i), 0, 32));
            }
            return builder.ToString();
        }

        /// <summary>Anything printable: the store keeps one value per line, tab-separated.</summary>
        private static string CheckText(ConfigParam p, string value)
        {
            for (int i = 0; i < value.Length; i++)
                if (value[i] < ' ' || value[i] == '\x7f')
                    throw new ConfigException(ConfigTexts.TextRefused(p.Name));
            return value;
        }

        private static bool IsVisibleAscii(char c) { return c > ' ' && c < '\x7f'; }

        private static bool IsLetterOrDigit(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }
}
