using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Mono.Cecil;

using OvmsOta.Tests.Host;
using OvmsOta.Tests.Host.Conformance;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// One assembly the device loads: an .nfproj of the repository and the host IL that stands for its build.
    /// Libraries and the application (OvmsOta.Core, OvmsOta.Firmware, OvmsOta.Native) are read from their host
    /// builds, compiled from the same files; a test project (AssemblyName NFUnitTest) is compiled from its own
    /// &lt;Compile&gt; list by <see cref="TestProjectCompiler"/>, since the host test assembly holds every test at once.
    /// Why the host IL does not under-count the device's string table: the names defined and the literals used
    /// come from the same source, so they are the same strings; the names referenced outside the assembly are the
    /// same too (the conformance gate holds Core's and Firmware's references to nanoFramework's API names, and portable
    /// tests use only the test API both frameworks share), except the assembly names, which is why
    /// <see cref="StringTableCounter"/> also counts the .nfproj's declared references, and the test framework's
    /// namespace, which is longer on the host ("Microsoft.VisualStudio.TestTools.UnitTesting" against
    /// "nanoFramework.TestFramework"). The one thing the host adds, the strings MSTest's caller-information
    /// parameters receive, <see cref="TestProjectCompiler"/> names so the counter leaves exactly those uses out.
    /// </summary>
    public sealed class DeviceAssembly
    {
        private DeviceAssembly(NfprojFile project)
        {
            Project = project;
        }

        public NfprojFile Project { get; }

        /// <summary>The project's path from the repository root, with / separators.</summary>
        public string Name => Path.GetRelativePath(RepositoryPaths.Root, Project.Path).Replace('\\', '/');

        /// <summary>Every .nfproj in the repository, so a new assembly (a Core split, another test project) is measured as soon as it exists.</summary>
        public static IReadOnlyList<DeviceAssembly> All() =>
            NfprojFile.AllIn(RepositoryPaths.Root).Select(p => new DeviceAssembly(p)).ToList();

        public StringTable CountStringTable()
        {
            var (image, hostOnlyLiterals) = HostImage();
            using var stream = new MemoryStream(image, writable: false);
            using var resolver = new DefaultAssemblyResolver();
            // Attribute arguments of enum type need their enum resolved to be read.
            resolver.AddSearchDirectory(AppContext.BaseDirectory);
            resolver.AddSearchDirectory(RuntimeEnvironment.GetRuntimeDirectory());
            using var module = ModuleDefinition.ReadModule(stream, new ReaderParameters { AssemblyResolver = resolver });
            return StringTableCounter.Count(module, Project.DeclaredAssemblyReferences, hostOnlyLiterals);
        }

        private (byte[] Image, IReadOnlyList<string> HostOnlyLiterals) HostImage()
        {
            if (Project.IsTestProject)
            {
                var compiled = TestProjectCompiler.Compile(Project);
                if (compiled.Image == null)
                    throw new InvalidOperationException(Name + " does not compile on its own:\n  " + string.Join("\n  ", compiled.Errors));
                return (compiled.Image, compiled.HostOnlyLiterals);
            }

            string hostBuild = RepositoryPaths.InOutput(Project.AssemblyName + ".dll");
            if (!File.Exists(hostBuild))
                throw new FileNotFoundException(Name + ": no host build " + Project.AssemblyName + ".dll in the test output; "
                    + "reference its host .csproj from OvmsOta.Tests.csproj so its string table can be measured", hostBuild);
            return (File.ReadAllBytes(hostBuild), Array.Empty<string>());
        }
    }
}
