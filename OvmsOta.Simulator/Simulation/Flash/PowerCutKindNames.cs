namespace OvmsOta.Simulation
{
    /// <summary>
    /// The text of each <see cref="PowerCutKind"/>, for messages: on nanoFramework Enum.ToString prints the
    /// number or throws, so every enum that is printed has its own table (the IL gate refuses Enum.ToString).
    /// </summary>
    public static class PowerCutKindNames
    {
        /// <summary>Indexed by the enum's value: Done, NotDone, Torn.</summary>
        private static readonly string[] Names = { "done", "not done", "torn" };

        public static string Name(PowerCutKind kind)
        {
            int index = (int)kind;
            return index >= 0 && index < Names.Length ? Names[index] : "power cut kind " + index.ToString();
        }
    }
}
