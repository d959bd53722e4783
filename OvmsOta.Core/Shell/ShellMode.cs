namespace OvmsOta.Shell
{
    /// <summary>
    /// One shell session's privilege, as OVMS's writer keeps it: secure ("enable") mode on or off, and a password prompt
    /// in progress. Each session (console, TCP connection) has its own; <see cref="OtaShell"/> reads and changes it.
    /// </summary>
    public sealed class ShellMode
    {
        private bool _secure;
        private bool _awaitingPassword;
        private int _tries;

        public ShellMode(bool secure)
        {
            _secure = secure;
        }

        /// <summary>Secure mode: commands that change flash or config run.</summary>
        public bool Secure { get { return _secure; } set { _secure = value; _awaitingPassword = false; } }

        /// <summary>`enable` printed "Password:": the next line is the password, not a command.</summary>
        public bool AwaitingPassword { get { return _awaitingPassword; } }

        /// <summary>Wrong passwords typed at this prompt.</summary>
        public int Tries { get { return _tries; } }

        public void StartPrompt()
        {
            _awaitingPassword = true;
            _tries = 0;
        }

        /// <summary>Counts a wrong password; returns the count.</summary>
        public int CountWrong()
        {
            _tries++;
            return _tries;
        }

        public void EndPrompt()
        {
            _awaitingPassword = false;
        }
    }
}
