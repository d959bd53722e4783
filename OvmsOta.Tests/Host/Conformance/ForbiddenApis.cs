using System;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// APIs that are missing on the device for a reason worth telling: the gate reports these with the
    /// reason and the replacement instead of a bare "not in the lists".
    /// </summary>
    public static class ForbiddenApis
    {
        private const string NoGenerics = "nanoFramework has no generics: use arrays, ArrayList, Hashtable, Queue or Stack";
        private const string NoAsync = "nanoFramework has no async/Task: write synchronous code (HttpClient there is synchronous)";
        private const string NoSpan = "nanoFramework has no Span<T>/Memory<T>: pass byte[] with offset and count";

        /// <summary>(type-name prefix, reason), first match wins.</summary>
        private static readonly (string Prefix, string Reason)[] ByTypePrefix =
        {
            ("System.Span`1", NoSpan),
            ("System.ReadOnlySpan`1", NoSpan),
            ("System.Memory`1", NoSpan),
            ("System.ReadOnlyMemory`1", NoSpan),
            ("System.ValueTuple", "nanoFramework has no tuples: return a small class of your own"),
            ("System.Linq.", "nanoFramework has no LINQ: write the loop"),
            ("System.Collections.Generic.", NoGenerics),
            ("System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",
                "an interpolated string ($\"...\") compiles to a handler the device lacks: use + or string.Format(format, new object[] { ... })"),
            ("System.Runtime.CompilerServices.IAsyncStateMachine", NoAsync),
            ("System.Runtime.CompilerServices.AsyncStateMachineAttribute", NoAsync),
            ("System.Runtime.CompilerServices.AsyncTaskMethodBuilder", NoAsync),
            ("System.Runtime.CompilerServices.AsyncVoidMethodBuilder", NoAsync),
            ("System.Runtime.CompilerServices.TaskAwaiter", NoAsync),
            ("System.Threading.Tasks.", NoAsync),
            ("System.Math", "System.Math is a separate nanoFramework package that OvmsOta does not use: write the arithmetic"),
        };

        private const string StringFormatPrefix = "M:System.String::Format(";
        private const string TheOnlyStringFormat = "M:System.String::Format(System.String,System.Object[])";

        /// <summary>The reason api must not be used, or null when this table has nothing to say about it.</summary>
        public static string ReasonFor(string api)
        {
            if (api.StartsWith(StringFormatPrefix, StringComparison.Ordinal) && api != TheOnlyStringFormat)
                return "nanoFramework has only string.Format(String, Object[]): pass new object[] { ... } (an interpolated string also lands here)";

            string typeName = TypeNameOf(api);
            foreach (var (prefix, reason) in ByTypePrefix)
            {
                if (typeName.StartsWith(prefix, StringComparison.Ordinal))
                    return reason;
            }
            return null;
        }

        /// <summary>"T:X" gives X; "M:X::Name(...)" and "F:X::Name" give X.</summary>
        private static string TypeNameOf(string api)
        {
            string body = api.Length > 2 && api[1] == ':' ? api.Substring(2) : api;
            int separator = body.IndexOf("::", StringComparison.Ordinal);
            return separator < 0 ? body : body.Substring(0, separator);
        }
    }
}
