namespace OvmsOta.Config
{
    /// <summary>
    /// Every text the configuration shows, in one place. Where OVMS has the text it is OVMS's, word for word (its
    /// config command in vehicle/OVMS.V3/main/ovms_config.cpp; "Subcommand required" from the reference, section 1);
    /// the rest is ours, marked so below.
    /// </summary>
    public static class ConfigTexts
    {
        // ---- OVMS's texts ----
        public const string SubcommandRequired = "Subcommand required";
        public const string ParameterSet = "Parameter has been set.";
        public const string ParameterNotFound = "Error: parameter not found";

        public static string InstanceRemoved(string instance) { return "Instance " + instance + " has been removed."; }

        public static string ParameterRemoved(string param) { return "Parameter " + param + " has been removed."; }

        /// <summary>config list &lt;param&gt; of an unknown param.</summary>
        public static string ListNotFound(string param) { return param + " not found"; }

        /// <summary>config list: "%-20s %s".</summary>
        public static string ListParamLine(string param, string title) { return param.PadRight(20, ' ') + " " + title; }

        /// <summary>config list &lt;param&gt;, first line: every param here is readable and writeable.</summary>
        public static string ListHeader(string param) { return param + " (readable writeable)"; }

        /// <summary>config list &lt;param&gt;, one line per instance: "  %s: %s".</summary>
        public static string InstanceLine(string instance, string shown) { return "  " + instance + ": " + shown; }

        // ---- ours: how values are shown ----
        public const string DefaultSuffix = " (default)";
        public const string SecretSet = "(set)";
        public const string NotSet = "(not set)";

        // ---- ours: usage ----
        public const string Usage = "Usage: config list [<param>] | get <param> <instance> | set <param> <instance> <value> | rm <param> {<instance> | *}";
        public const string UsageList = "Error: usage: config list [<param>]";
        public const string UsageGet = "Error: usage: config get <param> <instance>";
        public const string UsageSet = "Error: usage: config set <param> <instance> <value> (quote a value with spaces: \"...\")";
        public const string UsageRm = "Error: usage: config rm <param> {<instance> | *}";
        public const string UnclosedQuote = "Error: a quoted value has no closing quote";

        public static string UnknownSubcommand(string word) { return "Error: unknown config command '" + word + "'"; }

        // ---- ours: refusals (nothing is written when one of these is shown) ----
        /// <summary>OVMS's line, then ours naming the known params.</summary>
        public static string UnknownParam(string known) { return ParameterNotFound + "\nKnown parameters: " + known; }

        public static string UnknownInstance(string param, string instance, string known)
        {
            return "Error: " + param + " has no instance " + instance + " (known: " + known + ")";
        }

        public static string BoolRefused(string name, string value)
        {
            return "Error: " + name + " must be yes or no (1, 0, true and false are accepted too), not '" + value + "'";
        }

        public static string IntRefused(string name, int min, int max, string unit, string value)
        {
            string counted = unit.Length > 0 ? " (" + unit + ")" : "";
            return "Error: " + name + " must be a whole number from " + min.ToString() + " to " + max.ToString() + counted + ", not '" + value + "'";
        }

        public static string ServerRefused(string name, string value, string why)
        {
            return "Error: " + name + " must be a host and path such as " + ConfigParams.DefaultServer
                + ", optionally starting with http:// or https:// (" + why + "), not '" + value + "'";
        }

        public const string ServerNoHost = "no host name";
        public const string ServerBadHost = "a host name has only letters, digits, '.', '-' and an optional :port";
        public const string ServerBadPath = "no spaces, quotes, '?', '#' or '\\'";
        public const string ServerScheme = "only http:// and https:// are understood";
        public const string ServerTrailingSlash = "without a trailing '/': the module adds /<product>/<tag>/ovms3.bin";

        public static string TagRefused(string name, string value)
        {
            return "Error: " + name + " must be main, eap, edge or a custom tag of 1 to " + ConfigParams.MaxTagLength.ToString()
                + " letters, digits, '.', '-' or '_', not '" + value + "'";
        }

        public static string TextRefused(string name)
        {
            return "Error: " + name + " cannot contain tabs, line breaks or other control characters";
        }

        /// <summary>The refused secret is never echoed.</summary>
        public static string SecretRefused(string name, int min, int max)
        {
            return "Error: " + name + " must be " + min.ToString() + " to " + max.ToString()
                + " visible ASCII characters (letters, digits, punctuation; no spaces); it was not stored";
        }

        public static string NoRoom(string name, int needed, int capacity)
        {
            return "Error: no room in the config store for " + name + ": the configuration would take " + needed.ToString()
                + " bytes, the store holds " + capacity.ToString() + "; use a shorter value or remove another with config rm";
        }

        public static string InstanceNotSet(string instance)
        {
            return "Instance " + instance + " is not set; its default is in effect.";
        }

        // ---- ours: the flash store ----
        public const string CopyBlank = "blank";

        public static string CopyProblem(string field, uint found, uint expected)
        {
            return field + " 0x" + found.ToString("x8") + ", expected 0x" + expected.ToString("x8");
        }

        public static string CopyTooLong(uint length, int capacity)
        {
            return "payload length " + length.ToString() + " exceeds the " + capacity.ToString() + " bytes a copy holds";
        }

        public static string NoValidCopy(int region, int address0, string problem0, int address1, string problem1)
        {
            return "Warning: no valid configuration in the config store at 0x" + region.ToString("x") + " (copy 0 at 0x"
                + address0.ToString("x") + ": " + problem0 + "; copy 1 at 0x" + address1.ToString("x") + ": " + problem1
                + "); using defaults until the next config set writes a fresh copy";
        }

        public static string LinesSkipped(int count)
        {
            return "Warning: " + count.ToString() + " unreadable line(s) in the config store were ignored";
        }
    }
}
