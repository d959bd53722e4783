using System;

namespace OvmsOta.Engine
{
    /// <summary>A flash run stopped after it already told the narrator why; callers print nothing more.</summary>
    public sealed class ReportedException : Exception
    {
        public ReportedException(string message)
            : base(message)
        {
        }
    }
}
