using System.Collections;
using System.Text;
using OvmsOta.Flash;

namespace OvmsOta.Config
{
    /// <summary>
    /// OVMS's config command as text in, text out: list [&lt;param&gt;], get &lt;param&gt; &lt;instance&gt;,
    /// set &lt;param&gt; &lt;instance&gt; &lt;value&gt;, rm &lt;param&gt; {&lt;instance&gt; | *}. Every answer is whole lines
    /// ending in "\n"; refusals start with "Error: ". The secret is shown only as (set) / (not set).
    /// A PowerLossException from the flash is not caught (a real module just stops).
    /// </summary>
    public sealed class ConfigCommand
    {
        public const string Name = "config";

        private readonly ConfigStore _store;

        public ConfigCommand(ConfigStore store)
        {
            if (store == null)
                throw new System.ArgumentNullException("store");
            _store = store;
        }

        /// <summary>Runs one shell line, "config ..." or just "...": words split on spaces, "double quotes" keep spaces.</summary>
        public string ExecuteLine(string line)
        {
            string[] words = Split(line);
            if (words == null)
                return Lines(ConfigTexts.UnclosedQuote);
            int skip = words.Length > 0 && words[0] == Name ? 1 : 0;
            var args = new string[words.Length - skip];
            System.Array.Copy(words, skip, args, 0, args.Length);
            return Execute(args);
        }

        /// <summary>Runs the words after "config".</summary>
        public string Execute(string[] args)
        {
            if (args.Length == 0)
                return Lines(ConfigTexts.SubcommandRequired + "\n" + ConfigTexts.Usage);
            try
            {
                string verb = args[0];
                int count = args.Length - 1;
                if (verb == "list")
                    return count == 0 ? ListParams() : count == 1 ? ListInstances(args[1]) : Lines(ConfigTexts.UsageList);
                if (verb == "get")
                    return count == 2 ? Get(args[1], args[2]) : Lines(ConfigTexts.UsageGet);
                if (verb == "set")
                    return count == 3 ? Set(args[1], args[2], args[3]) : Lines(ConfigTexts.UsageSet);
                if (verb == "rm")
                    return count == 2 ? Remove(args[1], args[2]) : Lines(ConfigTexts.UsageRm);
                return Lines(ConfigTexts.UnknownSubcommand(verb) + "\n" + ConfigTexts.Usage);
            }
            catch (ConfigException e)
            {
                return Lines(e.Message);
            }
        }

        private string ListParams()
        {
            var text = new StringBuilder();
            if (_store.Warning != null)
                AppendLine(text, _store.Warning);
            for (int i = 0; i < ConfigParams.ParamCount; i++)
            {
                string param = ConfigParams.ParamAt(i);
                AppendLine(text, ConfigTexts.ListParamLine(param, ConfigParams.TitleOf(param)));
            }
            return text.ToString();
        }

        private string ListInstances(string param)
        {
            if (!ConfigParams.IsParam(param))
                return Lines(ConfigTexts.ListNotFound(param));
            var text = new StringBuilder();
            if (_store.Warning != null)
                AppendLine(text, _store.Warning);
            AppendLine(text, ConfigTexts.ListHeader(param));
            for (int i = 0; i < ConfigParams.Count; i++)
            {
                ConfigParam p = ConfigParams.At(i);
                if (p.Param == param)
                    AppendLine(text, ConfigTexts.InstanceLine(p.Instance, Shown(p)));
            }
            return text.ToString();
        }

        private string Get(string param, string instance)
        {
            ConfigParam p = ConfigStore.Known(param, instance);
            return Lines(ConfigTexts.ValueLine(p.Instance, Shown(p)));
        }

        private string Set(string param, string instance, string value)
        {
            _store.Set(param, instance, value);
            return Lines(ConfigTexts.ParameterSet);
        }

        private string Remove(string param, string instance)
        {
            if (instance == "*")
            {
                _store.RemoveAll(param);
                return Lines(ConfigTexts.ParameterRemoved(param));
            }
            return Lines(_store.Remove(param, instance) ? ConfigTexts.InstanceRemoved(instance) : ConfigTexts.InstanceNotSet(instance));
        }

        /// <summary>How a value is shown: the secret as (set)/(not set), an unset one as its default marked so.</summary>
        private string Shown(ConfigParam p)
        {
            string stored = _store.Stored(p.Param, p.Instance);
            if (p.Kind == ConfigKind.Secret)
                return stored != null ? ConfigTexts.SecretSet : ConfigTexts.NotSet;
            if (stored != null)
                return stored;
            return p.Default.Length == 0 ? ConfigTexts.NotSet : p.Default + ConfigTexts.DefaultSuffix;
        }

        private static string Lines(string text)
        {
            return text + "\n";
        }

        private static void AppendLine(StringBuilder text, string line)
        {
            text.Append(line);
            text.Append('\n');
        }

        /// <summary>Words separated by spaces; "a b" is one word without its quotes. Null when a quote is not closed.</summary>
        public static string[] Split(string line)
        {
            var words = new ArrayList();
            var word = new StringBuilder();
            bool inWord = false;
            bool quoted = false;
            foreach (char c in line.ToCharArray())
            {
                if (c == '"')
                {
                    quoted = !quoted;
                    inWord = true;
                }
                else if (c == ' ' && !quoted)
                {
                    if (inWord)
                        words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                else
                {
                    word.Append(c);
                    inWord = true;
                }
            }
            if (quoted)
                return null;
            if (inWord)
                words.Add(word.ToString());
            return (string[])words.ToArray(typeof(string));
        }
    }
}
