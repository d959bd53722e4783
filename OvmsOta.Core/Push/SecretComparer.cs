namespace OvmsOta.Push
{
    /// <summary>
    /// Compares a presented secret with the configured one in time that depends only on the configured
    /// secret's length, so response timing does not reveal how many leading characters were right.
    /// </summary>
    public static class SecretComparer
    {
        public static bool Matches(string configured, string presented)
        {
            if (configured == null || configured.Length == 0 || presented == null)
                return false;
            int difference = configured.Length ^ presented.Length;
            for (int i = 0; i < configured.Length; i++)
            {
                // Past the presented text's end, compare with a character it cannot equal by position.
                int other = i < presented.Length ? presented[i] : ~configured[i];
                difference |= configured[i] ^ other;
            }
            return difference == 0;
        }
    }
}
