using OvmsOta.Config;

namespace OvmsOta.Shell
{
    /// <summary>
    /// OVMS's `enable [&lt;password&gt;]` and `disable`, with its texts: no module password (config `password module`) or
    /// the right one given enters secure mode; a wrong one given is refused; none given prompts "Password:" and allows
    /// three tries. OVMS also waits 5 s after a wrong password; we do not (the shell holds the module's one lock).
    /// </summary>
    public sealed class EnableCommand
    {
        public const string SecureModeText = "Secure mode";
        public const string InvalidPasswordText = "Error: Invalid password";
        public const string PromptText = "Password:";
        public const string TryAgainText = "Sorry, try again.";
        public const string RequiresEnableText = "Error: Secure command requires 'enable' mode";
        public const int MaxTries = 3;

        private readonly ConfigStore _store;

        /// <summary>store may be null (an unreadable config store): then no password is set.</summary>
        public EnableCommand(ConfigStore store)
        {
            _store = store;
        }

        private string Password
        {
            get { return _store == null ? string.Empty : _store.Value(ConfigParams.Password, ConfigParams.Module); }
        }

        /// <summary>The mode a new session starts in: secure when no module password is set (OVMS's `enable` then asks nothing).</summary>
        public ShellMode NewSession()
        {
            return new ShellMode(Password.Length == 0);
        }

        /// <summary>`enable` with its words (words[1] the password, if given).</summary>
        public void Enable(string[] words, ShellMode mode, IShellOutput output)
        {
            string password = Password;
            if (password.Length == 0 || (words.Length == 2 && words[1] == password))
            {
                mode.Secure = true;
                output.WriteLine(SecureModeText);
            }
            else if (words.Length == 2)
                output.WriteLine(InvalidPasswordText);
            else if (words.Length == 1)
            {
                mode.StartPrompt();
                output.WriteLine(PromptText);
            }
            else
                output.WriteLine("Usage: enable [<password>]");
        }

        /// <summary>The line typed after "Password:".</summary>
        public void Answer(string line, ShellMode mode, IShellOutput output)
        {
            if (line == Password)
            {
                mode.Secure = true;
                output.WriteLine(SecureModeText);
                return;
            }
            int tries = mode.CountWrong();
            if (tries == MaxTries)
            {
                mode.EndPrompt();
                output.WriteLine("Error: " + tries.ToString() + " incorrect password attempts");
                return;
            }
            output.WriteLine(TryAgainText);
            output.WriteLine(PromptText);
        }
    }
}
