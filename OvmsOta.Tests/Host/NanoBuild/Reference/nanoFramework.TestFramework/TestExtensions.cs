// Reference model of nanoframework/nanoFramework.TestFramework, tag v3.0.77, source/TestFramework/TestExtensions.cs.
using System;

namespace nanoFramework.TestFramework
{
    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array a, Array b) => throw null;
    }
}
