using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace OvmsOta.Tests.Host.NanoBuild
{
    /// <summary>
    /// The device compile can fail: code that builds for .NET but not for nanoFramework, compiled the same way
    /// (real mscorlib, reference models, C# 9, NANOFRAMEWORK_1_0), is rejected with the compiler's own error, and the
    /// corrected code is accepted, so each rejection is about the planted line.
    /// </summary>
    [TestClass]
    public class DeviceCompileRejectsPlantedViolationsTests
    {
        private const string StreamWithoutSpanRead = @"
using System; using System.IO;
public sealed class PlantedBody : Stream
{
    public override bool CanRead { get { return true; } }
    public override bool CanSeek { get { return false; } }
    public override bool CanWrite { get { return false; } }
    public override long Length { get { throw new NotSupportedException(); } }
    public override long Position { get { return 0; } set { throw new NotSupportedException(); } }
    public override int Read(byte[] buffer, int offset, int count) { return 0; }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
    public override void SetLength(long value) { throw new NotSupportedException(); }
    public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
#if NANOFRAMEWORK_1_0 && WITH_SPAN_READ
    public override int Read(SpanByte buffer) { return 0; }
#endif
}";

        [TestMethod]
        public void A_Stream_subclass_without_Read_SpanByte_is_rejected()
        {
            var result = CompileForDevice(StreamWithoutSpanRead, "System.IO.Streams");

            AssertRejects(result, "CS0534", "Stream.Read(SpanByte)");
        }

        [TestMethod]
        public void The_same_Stream_subclass_with_Read_SpanByte_compiles()
        {
            var result = CompileForDevice(StreamWithoutSpanRead, new[] { "WITH_SPAN_READ" }, "System.IO.Streams");

            Assert.IsTrue(result.Succeeded, result.Describe());
        }

        [TestMethod]
        public void An_int_literal_compared_with_a_byte_is_ambiguous_for_the_TestFramework()
        {
            // MSTest's generic AreEqual<T> hides this on the host; nanoFramework.TestFramework has only per-type overloads.
            var result = CompileForDevice(@"
using nanoFramework.TestFramework;
public class PlantedTests { public void Erased() { byte b = 0xFF; Assert.AreEqual(0xFF, b); } }", "nanoFramework.TestFramework");

            AssertRejects(result, "CS0121", "AreEqual(byte, byte, string)");
        }

        [TestMethod]
        public void The_same_comparison_with_a_cast_compiles()
        {
            var result = CompileForDevice(@"
using nanoFramework.TestFramework;
public class PlantedTests { public void Erased() { byte b = 0xFF; Assert.AreEqual((byte)0xFF, b); Assert.AreEqual(0xFF, (int)b); } }",
                "nanoFramework.TestFramework");

            Assert.IsTrue(result.Succeeded, result.Describe());
        }

        [TestMethod]
        public void A_dotNET_only_overload_is_rejected()
        {
            // nanoFramework's Encoding has GetString(byte[], int, int) only; .NET also has GetString(byte[]).
            var result = CompileForDevice(@"
public class PlantedText { public string Text(byte[] b) { return System.Text.Encoding.UTF8.GetString(b); } }", "nanoFramework.System.Text");

            AssertRejects(result, "CS7036", "GetString");
        }

        [TestMethod]
        public void A_planted_nfproj_fails_with_its_file_and_line()
        {
            // The whole pipeline, as the per-project test runs it: the .nfproj's Compile items, References and settings.
            string folder = Directory.CreateTempSubdirectory("nanobuild-planted-").FullName;
            try
            {
                File.WriteAllText(Path.Combine(folder, "PlantedTests.cs"), @"
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#endif
namespace Planted
{
    [TestClass]
    public class PlantedTests
    {
        [TestMethod]
        public void Erased() { byte b = 0xFF; Assert.AreEqual(0xFF, b); }
    }
}");
                File.WriteAllText(Path.Combine(folder, "Planted.nfproj"), @"<?xml version=""1.0"" encoding=""utf-8""?>
<Project ToolsVersion=""Current"" DefaultTargets=""Build"" xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <PropertyGroup><OutputType>Library</OutputType><AssemblyName>NFUnitTest</AssemblyName></PropertyGroup>
  <ItemGroup><Compile Include=""PlantedTests.cs"" /></ItemGroup>
  <ItemGroup>
    <Reference Include=""mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"" />
    <Reference Include=""nanoFramework.TestFramework, Version=3.0.77.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"" />
  </ItemGroup>
</Project>");

                var result = DeviceBuild.Compile(Path.Combine(folder, "Planted.nfproj"));

                AssertRejects(result, "CS0121", "AreEqual");
                StringAssert.Contains(result.Describe(), "PlantedTests.cs(11,");
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        private static NanoCompilation CompileForDevice(string source, params string[] models) => CompileForDevice(source, new string[0], models);

        private static NanoCompilation CompileForDevice(string source, string[] extraSymbols, params string[] models)
        {
            var references = new[] { NanoCoreLibrary.Reference }.Concat(models.Select(ReferenceAssemblies.For));
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "TRACE", "NANOFRAMEWORK_1_0" }.Concat(extraSymbols));
            return NanoCompilation.Compile("Planted", OutputKind.DynamicallyLinkedLibrary, parse, new[] { ("Planted.cs", source) }, references);
        }

        private static void AssertRejects(NanoCompilation result, string errorId, string mentions)
        {
            Assert.IsFalse(result.Succeeded, "the planted violation compiled for nanoFramework");
            Assert.IsTrue(result.Errors.Any(e => e.Id == errorId && e.GetMessage().Contains(mentions, StringComparison.Ordinal)),
                "expected " + errorId + " mentioning " + mentions + "; got:\n" + result.Describe());
        }
    }
}
