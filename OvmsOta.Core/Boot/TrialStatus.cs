namespace OvmsOta.Boot
{
    /// <summary>The commit watchdog's state for `ota status`: on trial or committed, which slot, how long until rollback.</summary>
    public sealed class TrialStatus
    {
        private readonly bool _onTrial;
        private readonly string _slot;
        private readonly long _millisecondsLeft;
        private readonly string _guard;
        private readonly string _note;

        public TrialStatus(bool onTrial, string slot, long millisecondsLeft, string guard, string note)
        {
            _onTrial = onTrial;
            _slot = slot;
            _millisecondsLeft = millisecondsLeft;
            _guard = guard;
            _note = note;
        }

        public bool OnTrial { get { return _onTrial; } }

        /// <summary>The running slot (the trial slot while on trial).</summary>
        public string Slot { get { return _slot; } }

        /// <summary>Time before the watchdog rolls back (0 when not on trial).</summary>
        public long MillisecondsLeft { get { return _millisecondsLeft; } }

        /// <summary>What sends the module back if it resets now ("otadata armed: ota_0", "bootloader rollback"), or null.</summary>
        public string Guard { get { return _guard; } }

        /// <summary>The last thing the watchdog did or found (a rollback report, a commit), or null.</summary>
        public string Note { get { return _note; } }

        public override string ToString()
        {
            if (!_onTrial)
                return "Running " + _slot + ": committed" + (_note == null ? "" : " (" + _note + ")");
            long seconds = (_millisecondsLeft + 999) / 1000;
            return "Running " + _slot + " on trial: rolls back in " + (seconds / 60).ToString() + " min " + (seconds % 60).ToString("D2")
                + " s unless confirmed (" + _guard + ")";
        }
    }
}
