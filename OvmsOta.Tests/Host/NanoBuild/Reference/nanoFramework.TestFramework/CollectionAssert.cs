// Reference model of nanoframework/nanoFramework.TestFramework, tag v3.0.77, source/TestFramework/CollectionAssert.cs:
// ICollection only (no generic overloads, no Contains/AllItemsAreUnique ...), bodies throw.
using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") => throw null;
        public static void NotEmpty(ICollection collection, string message = "") => throw null;
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => throw null;
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => throw null;
    }
}
