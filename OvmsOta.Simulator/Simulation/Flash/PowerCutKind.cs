namespace OvmsOta.Simulation
{
    /// <summary>What happens to the flash operation during which the power is cut.</summary>
    public enum PowerCutKind
    {
        /// <summary>The operation completed, then the power went.</summary>
        Done,
        /// <summary>The power went before the operation changed anything.</summary>
        NotDone,
        /// <summary>Half-way: a write leaves only a prefix; an erase leaves the sector part erased, part old, part garbage.</summary>
        Torn,
    }
}
