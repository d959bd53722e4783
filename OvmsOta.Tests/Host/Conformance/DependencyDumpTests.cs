using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    [TestClass]
    public class DependencyDumpTests
    {
        [TestMethod]
        public void Dump()
        {
            using var core = ModuleDefinition.ReadModule(RepositoryPaths.InOutput("OvmsOta.Core.dll"));
            using var fw = ModuleDefinition.ReadModule(RepositoryPaths.InOutput("OvmsOta.Firmware.dll"));
            var g = new TypeGraph(core);
            var w = new StringWriter();
            foreach (var e in g.NamespaceEdges())
                w.WriteLine(e.From + " -> " + e.To + " " + e.Pairs.Count + "   " + string.Join(", ", e.Pairs.Select(p => p.User.Split('.').Last() + ">" + p.Used.Split('.').Last())));
            var reached = g.ReachableFrom(TypeGraph.ReferencedFrom(fw, "OvmsOta.Core"));
            w.WriteLine("UNREACHED:");
            foreach (var t in g.Types.Where(t => !reached.Contains(t) && !t.Contains('<')).OrderBy(t => t))
                w.WriteLine("  " + t);
            File.WriteAllText("/tmp/depgraph.txt", w.ToString());
        }
    }
}
