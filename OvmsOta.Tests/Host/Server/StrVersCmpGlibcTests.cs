using System;
using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.UpdateServer;

namespace OvmsOta.Tests.Host.Server
{
    /// <summary>VersionComparer.StrVersCmp against glibc's own strverscmp, on Linux where glibc is at hand.</summary>
    [TestClass]
    public class StrVersCmpGlibcTests
    {
        [DllImport("libc", EntryPoint = "strverscmp")]
        static extern int GlibcStrVersCmp([MarshalAs(UnmanagedType.LPStr)] string a, [MarshalAs(UnmanagedType.LPStr)] string b);

        // Characters that exercise every state: zeros, other digits, separators and letters.
        const string Alphabet = "0019.-ag";

        [TestMethod]
        public void GivesGlibcsValuesForRandomVersionLikeStrings()
        {
            if (!OperatingSystem.IsLinux())
                Assert.Inconclusive("glibc's strverscmp is only at hand on Linux");
            var random = new Random(20260822);
            for (int i = 0; i < 50000; i++)
            {
                string a = RandomString(random);
                string b = random.Next(4) == 0 ? Mutate(a, random) : RandomString(random);
                Assert.AreEqual(GlibcStrVersCmp(a, b), VersionComparer.StrVersCmp(a, b), "\"" + a + "\" vs \"" + b + "\"");
            }
        }

        static string RandomString(Random random)
        {
            var chars = new char[random.Next(0, 8)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            return new string(chars);
        }

        // A near neighbour: shared prefixes are where the digit-run rules decide.
        static string Mutate(string s, Random random)
        {
            int keep = s.Length == 0 ? 0 : random.Next(s.Length + 1);
            return s.Substring(0, keep) + RandomString(random);
        }
    }
}
