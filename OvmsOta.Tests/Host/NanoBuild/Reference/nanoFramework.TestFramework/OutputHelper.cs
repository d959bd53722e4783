// Reference model of nanoframework/nanoFramework.TestFramework, tag v3.0.77, source/TestFramework/OutputHelper.cs.
namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message) => throw null;
        public static void WriteLine(string message) => throw null;
    }
}
