using System.Text;

namespace OvmsOta.Config
{
    /// <summary>
    /// The table of parameters this module knows, with OVMS's defaults (../shared/reference/ovms-ota.md section 2) and
    /// ours (commit.timeout, commit.auto, push.secret); OVMS's `password module` (what `enable` asks for). Anything not in this table is refused by config set and rm.
    /// </summary>
    public static class ConfigParams
    {
        public const string Auto = "auto";
        public const string Ota = "ota";
        /// <summary>OVMS's password store: instance `module` is the password `enable` asks for.</summary>
        public const string Password = "password";

        public const string AutoOta = "ota";                 // auto ota
        public const string AutoHour = "auto.hour";
        public const string AllowModem = "auto.allow.modem";
        public const string Server = "server";
        public const string Tag = "tag";
        public const string HttpMru = "http.mru";
        public const string VfsMru = "vfs.mru";
        public const string CommitTimeout = "commit.timeout";
        public const string CommitAuto = "commit.auto";
        public const string PushSecret = "push.secret";
        public const string ParttypeNotified = "parttype.notified";
        public const string ParttypeNotifyVersion = "parttype.notifyversion";
        public const string Module = "module";                // password module
        public const string SigningKeys = "signing.keys";
        public const string SigningRevoked = "signing.revoked";
        public const string SigningRequired = "signing.required";
        public const string MinSecureVersion = "signing.min_secure_version";

        public const string DefaultServer = "api.openvehicles.com/firmware/ota";
        public const string DefaultTag = "main";
        public const int DefaultCommitTimeoutSeconds = 600;
        public const int MaxTagLength = 32;
        public const int MinSecretLength = 16;
        public const int MaxSecretLength = 128;

        private static readonly ConfigParam[] Table =
        {
            new ConfigParam(Auto, AutoOta, ConfigKind.Bool, "yes", 0, 0, ""),
            new ConfigParam(Ota, AutoHour, ConfigKind.Int, "2", 0, 23, "hour of the day"),
            new ConfigParam(Ota, AllowModem, ConfigKind.Bool, "no", 0, 0, ""),
            new ConfigParam(Ota, Server, ConfigKind.Server, DefaultServer, 0, 0, ""),
            new ConfigParam(Ota, Tag, ConfigKind.Tag, DefaultTag, 1, MaxTagLength, ""),
            new ConfigParam(Ota, HttpMru, ConfigKind.Text, "", 0, 0, ""),
            new ConfigParam(Ota, VfsMru, ConfigKind.Text, "", 0, 0, ""),
            new ConfigParam(Ota, CommitTimeout, ConfigKind.Int, "600", 60, 86400, "seconds"),
            new ConfigParam(Ota, CommitAuto, ConfigKind.Bool, "yes", 0, 0, ""),
            new ConfigParam(Ota, PushSecret, ConfigKind.Secret, "", MinSecretLength, MaxSecretLength, ""),
            new ConfigParam(Ota, ParttypeNotified, ConfigKind.Bool, "no", 0, 0, ""),
            new ConfigParam(Ota, ParttypeNotifyVersion, ConfigKind.Text, "3.3.006", 0, 0, ""),
            new ConfigParam(Password, Module, ConfigKind.Secret, "", 1, MaxSecretLength, ""),
            new ConfigParam(Ota, SigningKeys, ConfigKind.KeyList, "", 0, 0, ""),
            new ConfigParam(Ota, SigningRevoked, ConfigKind.KeyList, "", 0, 0, ""),
            new ConfigParam(Ota, SigningRequired, ConfigKind.Bool, "yes", 0, 0, ""),
            new ConfigParam(Ota, MinSecureVersion, ConfigKind.Int, "0", 0, 999999999, "secure_version"),
        };

        // Param names with OVMS's titles (config list), in list order.
        private static readonly string[] ParamNames = { Auto, Ota, Password };
        private static readonly string[] ParamTitles = { "Auto init configuration", "OTA setup and status", "Password store" };

        public static int Count { get { return Table.Length; } }

        public static ConfigParam At(int index) { return Table[index]; }

        /// <summary>The definition of param/instance, or null.</summary>
        public static ConfigParam Find(string param, string instance)
        {
            foreach (ConfigParam p in Table)
                if (p.Param == param && p.Instance == instance)
                    return p;
            return null;
        }

        public static bool IsParam(string param) { return TitleOf(param) != null; }

        /// <summary>OVMS's title of param ("OTA setup and status"), or null when unknown.</summary>
        public static string TitleOf(string param)
        {
            for (int i = 0; i < ParamNames.Length; i++)
                if (ParamNames[i] == param)
                    return ParamTitles[i];
            return null;
        }

        public static int ParamCount { get { return ParamNames.Length; } }

        public static string ParamAt(int index) { return ParamNames[index]; }

        /// <summary>"auto, ota": the known params, for messages.</summary>
        public static string ParamList()
        {
            return Join(ParamNames);
        }

        /// <summary>"auto.hour, auto.allow.modem, ...": the instances of param in table order, for messages.</summary>
        public static string InstanceList(string param)
        {
            var builder = new StringBuilder();
            foreach (ConfigParam p in Table)
                if (p.Param == param)
                    AppendItem(builder, p.Instance);
            return builder.ToString();
        }

        private static string Join(string[] items)
        {
            var builder = new StringBuilder();
            foreach (string item in items)
                AppendItem(builder, item);
            return builder.ToString();
        }

        private static void AppendItem(StringBuilder builder, string item)
        {
            if (builder.Length > 0)
                builder.Append(", ");
            builder.Append(item);
        }
    }
}
