using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Module;
using OvmsOta.Ports;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Host.Firmware
{
    /// <summary>
    /// A reboot as nanoCLR's Power.RebootDevice does it: the call only flags the restart and returns, and the caller
    /// runs on. It notes, at the first request, what the module had done by then (each watched journal: flash changes,
    /// log lines, shell output, ...), so a test can assert that nothing more happened after the request.
    /// </summary>
    public sealed class ReturningReboot : IReboot
    {
        private readonly List<(string Name, Func<IEnumerable<string>> Journal)> _watched = new();
        private string[][] _atRequest;

        public List<string> Reasons { get; } = new List<string>();

        /// <summary>Watches a journal that only grows (log lines, output lines, one entry per flash change).</summary>
        public ReturningReboot Watch(string name, Func<IEnumerable<string>> journal)
        {
            _watched.Add((name, journal));
            return this;
        }

        public void Reboot(string reason)
        {
            Reasons.Add(reason);
            _atRequest ??= _watched.Select(w => w.Journal().ToArray()).ToArray();
        }

        /// <summary>Asserts a restart was asked for and no watched journal grew since the first request.</summary>
        public void AssertNothingRanAfter()
        {
            Assert.IsNotNull(_atRequest, "no restart was asked for");
            for (int i = 0; i < _watched.Count; i++)
            {
                string[] now = _watched[i].Journal().ToArray();
                string[] after = now.Skip(_atRequest[i].Length).ToArray();
                Assert.AreEqual(0, after.Length, _watched[i].Name + " after the restart was asked for (\"" + Reasons[0] + "\"):\n  "
                    + string.Join("\n  ", after));
            }
        }
    }
}
