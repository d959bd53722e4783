using System;

namespace OvmsOta.Engine
{
    /// <summary>An install stopped after it already told its narrator why; callers print nothing more.</summary>
    public sealed class ReportedException : Exception
    {
        public ReportedException(string message)
            : base(message)
        {
        }
    }
}
