namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The string-table size CI allows each device assembly: 56 KB, so growth shows up while 8 KB of the
    /// processor's 64 KB limit (<see cref="StringTable.HardLimitBytes"/>) is still free to split an assembly in time.
    /// </summary>
    public static class StringTableBudget
    {
        public const int Bytes = 56 * 1024;

        /// <summary>Null when table fits; otherwise what is wrong and what to do, naming the assembly.</summary>
        public static string Problem(string assemblyName, StringTable table)
        {
            if (table.Bytes < Bytes)
                return null;
            return assemblyName + ": string table " + table.Bytes + " bytes, at or over the " + Bytes + "-byte budget (nanoFramework's limit is "
                + StringTable.HardLimitBytes + "): split the assembly (README, \"One engine, two compilers\")";
        }
    }
}
