#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace OvmsOta.Tests.Portable
{
    /// <summary>
    /// Exception checks both test frameworks can run: MSTest 4 dropped Assert.ThrowsException and
    /// nanoFramework.TestFramework has no Assert.ThrowsExactly, so portable tests use this instead.
    /// </summary>
    public static class Expect
    {
        /// <summary>Runs action, asserts it throws exactly type, and returns the exception for message checks.</summary>
        public static Exception Throws(Type type, Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                Assert.IsTrue(e.GetType() == type, "expected " + type.FullName + ", got " + e.GetType().FullName + ": " + e.Message);
                return e;
            }
            Assert.IsTrue(false, "expected " + type.FullName + ", nothing was thrown");
            return null;
        }

        /// <summary>
        /// Asserts text contains part, saying both when it does not. An empty part is in any text, as on .NET; it never
        /// reaches IndexOf, which throws ArgumentOutOfRangeException for "" on nanoFramework.
        /// </summary>
        public static void Contains(string part, string text)
        {
            Assert.IsTrue(text != null && (part.Length == 0 || text.IndexOf(part) >= 0), "expected \"" + part + "\" in \"" + text + "\"");
        }

        /// <summary>Asserts text does not contain part; an empty part is in any text, so it fails as on .NET (without IndexOf(""), see Contains).</summary>
        public static void DoesNotContain(string part, string text)
        {
            Assert.IsTrue(text != null && part.Length > 0 && text.IndexOf(part) < 0, "expected no \"" + part + "\" in \"" + text + "\"");
        }
    }
}
