using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

namespace OvmsOta.Tests.Host.Conformance
{
    /// <summary>
    /// Core's folders depend one way: each namespace uses only namespaces of earlier layers of the README's list.
    /// Read from the compiled OvmsOta.Core.dll (signatures, fields, bodies, attributes, base types), so a cycle or an
    /// upward use fails here with the types that make it.
    /// </summary>
    [TestClass]
    public class CoreLayerTests
    {
        private static CoreLayers Layers => CoreLayers.FromReadme(RepositoryPaths.InProject("README.md"));

        [TestMethod]
        public void Every_Core_namespace_uses_only_earlier_layers()
        {
            using var core = ModuleDefinition.ReadModule(RepositoryPaths.InOutput("OvmsOta.Core.dll"));
            var graph = new TypeGraph(core);

            var violations = Layers.Violations(graph.NamespaceEdges(), graph.Types.Select(graph.NamespaceOf));

            Assert.AreEqual(0, violations.Count, "Core's folder dependencies break the README's layers:\n  " + string.Join("\n  ", violations));
        }

        [TestMethod]
        public void The_README_lists_the_layers_the_design_decided()
        {
            var layers = Layers;

            Assert.AreEqual(1, layers.LayerOf("OvmsOta.Ports"), "the ports depend on nothing");
            Assert.IsTrue(layers.LayerOf("OvmsOta.Engine") < layers.LayerOf("OvmsOta.Shell"));
            Assert.AreEqual(layers.LayerOf("OvmsOta.Shell"), layers.LayerOf("OvmsOta.Schedule"));
            Assert.AreEqual(layers.LayerOf("OvmsOta.Shell"), layers.LayerOf("OvmsOta.Push"));
            Assert.AreEqual(layers.Namespaces.Max(layers.LayerOf), layers.LayerOf("OvmsOta.Module"), "the composition root is last");
        }

        [TestMethod]
        public void A_planted_back_reference_is_named_with_its_types()
        {
            // Ports (layer 1) using the engine (11), and the shell using the nightly job (same layer 12).
            byte[] planted = SnippetCompiler.Compile(@"
namespace OvmsOta.Engine { public sealed class Installer { } }
namespace OvmsOta.Schedule { public sealed class AutoUpdateJob { } }
namespace OvmsOta.Ports { public interface IFlash { OvmsOta.Engine.Installer Owner { get; } } }
namespace OvmsOta.Shell { public sealed class OtaShell { public void Run() { new OvmsOta.Schedule.AutoUpdateJob(); } } }
");
            using var module = ModuleDefinition.ReadModule(new MemoryStream(planted));
            var graph = new TypeGraph(module);
            var present = Layers.Namespaces.Where(ns => graph.Types.All(t => graph.NamespaceOf(t) != ns)).ToList();

            var violations = Layers.Violations(graph.NamespaceEdges(), graph.Types.Select(graph.NamespaceOf).Concat(present));

            Assert.AreEqual(2, violations.Count, string.Join("\n", violations));
            StringAssert.Contains(violations[0], "upward 1 -> 11: OvmsOta.Ports -> OvmsOta.Engine (1): OvmsOta.Ports.IFlash uses OvmsOta.Engine.Installer");
            StringAssert.Contains(violations[1], "same layer 12 -> 12: OvmsOta.Shell -> OvmsOta.Schedule (1): OvmsOta.Shell.OtaShell uses OvmsOta.Schedule.AutoUpdateJob");
        }

        [TestMethod]
        public void A_namespace_outside_the_list_and_a_listed_one_that_is_gone_are_named()
        {
            var layers = new CoreLayers(new[] { new[] { "Ports" }, new[] { "Flash" } });

            var violations = layers.Violations(Array.Empty<NamespaceEdge>(), new[] { "OvmsOta.Ports", "OvmsOta.Server" });

            CollectionAssert.AreEqual(new[] { "OvmsOta.Server is in no layer of the README's list",
                "OvmsOta.Flash is listed but the assembly has no such namespace" }, violations.ToList());
        }

        [TestMethod]
        public void A_downward_edge_passes_and_an_upward_one_in_a_synthetic_list_fails()
        {
            var layers = new CoreLayers(new[] { new[] { "Ports" }, new[] { "Flash" } });
            var down = new NamespaceEdge("OvmsOta.Flash", "OvmsOta.Ports", new List<(string, string)> { ("OvmsOta.Flash.A", "OvmsOta.Ports.B") });
            var up = new NamespaceEdge("OvmsOta.Ports", "OvmsOta.Flash", new List<(string, string)> { ("OvmsOta.Ports.B", "OvmsOta.Flash.A") });

            Assert.AreEqual(0, layers.Violations(new[] { down }, layers.Namespaces).Count);
            Assert.AreEqual(1, layers.Violations(new[] { down, up }, layers.Namespaces).Count);
        }
    }
}
