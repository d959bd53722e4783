using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>Assertions over gate results that print every violation when they fail.</summary>
    public static class GateAssert
    {
        public static void Passes(IReadOnlyList<GateViolation> violations, string what)
        {
            Assert.AreEqual(0, violations.Count, what + " uses what nanoFramework lacks:\n" + Describe(violations));
        }

        /// <summary>Asserts one violation is charged to user (our member) and names apiPart.</summary>
        public static GateViolation Rejects(IReadOnlyList<GateViolation> violations, string user, string apiPart)
        {
            var match = violations.FirstOrDefault(v => v.User == user && v.Api.Contains(apiPart));
            Assert.IsNotNull(match, "expected a violation by " + user + " naming " + apiPart + "; got:\n" + Describe(violations));
            StringAssert.Contains(match.ToString(), user);
            StringAssert.Contains(match.ToString(), apiPart);
            return match;
        }

        public static string Describe(IReadOnlyList<GateViolation> violations) =>
            violations.Count == 0 ? "  (none)" : string.Join("\n", violations.Select(v => "  " + v));
    }
}
