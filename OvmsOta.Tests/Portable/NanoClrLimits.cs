namespace OvmsOta.Tests.Portable
{
    /// <summary>What nanoCLR can hold, as measured on the real interpreter; portable tests and their helpers stay inside it.</summary>
    public static class NanoClrLimits
    {
        /// <summary>700 KB: nanoCLR allocates no single object above about 786 KB (786,420 bytes measured).</summary>
        public const int LargestAllocation = 700 * 1024;
    }
}
