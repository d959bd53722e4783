namespace OvmsOta.Config
{
    /// <summary>
    /// What <see cref="ConfigRegion.Read"/> found: the state of each copy (with the reason when damaged), the copy in
    /// use and its payload. No copy in use means defaults; <see cref="Warning"/> says so when that was not a blank store.
    /// </summary>
    public sealed class ConfigRegionState
    {
        public const int NoCopy = -1;

        private readonly ConfigCopyState[] _states;
        private readonly string[] _problems;
        private readonly int _activeCopy;
        private readonly uint _seq;
        private readonly byte[] _payload;
        private readonly string _warning;

        public ConfigRegionState(ConfigCopyState[] states, string[] problems, int activeCopy, uint seq, byte[] payload, string warning)
        {
            _states = states;
            _problems = problems;
            _activeCopy = activeCopy;
            _seq = seq;
            _payload = payload;
            _warning = warning;
        }

        /// <summary>0 or 1, or <see cref="NoCopy"/> when neither copy is valid.</summary>
        public int ActiveCopy { get { return _activeCopy; } }

        /// <summary>The sequence number of the active copy (0 when none).</summary>
        public uint Seq { get { return _seq; } }

        /// <summary>The active copy's payload (empty when none).</summary>
        public byte[] Payload { get { return _payload; } }

        public ConfigCopyState StateOf(int copy) { return _states[copy]; }

        /// <summary>Why copy is not valid ("blank", "bad CRC ..."), or null when it is.</summary>
        public string ProblemOf(int copy) { return _problems[copy]; }

        /// <summary>Null, or the owner-facing warning that no valid copy was found in a store that is not blank.</summary>
        public string Warning { get { return _warning; } }
    }
}
