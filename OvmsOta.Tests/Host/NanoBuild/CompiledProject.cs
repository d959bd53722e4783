using System.Collections.Generic;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>A test project compiled by <see cref="TestProjectCompiler"/>: the image, or the errors that kept it from building.</summary>
    public sealed class CompiledProject
    {
        public CompiledProject(byte[] image, IReadOnlyList<string> errors, IReadOnlyList<string> hostOnlyLiterals)
        {
            Image = image;
            Errors = errors;
            HostOnlyLiterals = hostOnlyLiterals;
        }

        /// <summary>The assembly, or null when it did not compile.</summary>
        public byte[] Image { get; }

        public IReadOnlyList<string> Errors { get; }

        /// <summary>Literals the host compiler added for MSTest caller-expression parameters the device has no counterpart of (one per use).</summary>
        public IReadOnlyList<string> HostOnlyLiterals { get; }
    }
}
