namespace OvmsOta.Rpc
{
    /// <summary>
    /// OTA.GetBootState's answer and OTA.SetBootState's arguments, Mongoose OS's fields: the running OTA slot (0, 1; -1
    /// for factory), whether it is committed, the slot a revert goes back to (-1: none), this trial's time left.
    /// </summary>
    public sealed class BootState
    {
        public int active_slot { get; set; }
        public bool is_committed { get; set; }
        public int revert_slot { get; set; }
        /// <summary>Seconds left before the trial image rolls back (0 when committed).</summary>
        public int commit_timeout { get; set; }
    }
}
