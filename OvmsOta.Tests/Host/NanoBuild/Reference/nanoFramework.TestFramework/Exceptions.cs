// Reference model of nanoframework/nanoFramework.TestFramework, tag v3.0.77, source/TestFrameworkShared/AssertFailedException.cs,
// SkipTestException.cs and Helper.cs (compiled into the same assembly).
using System;

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) => throw null;
        public AssertFailedException(string msg) => throw null;
        public AssertFailedException() => throw null;
    }
}

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) => throw null;
    }

    public static class Helper
    {
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs) => throw null;
    }
}
