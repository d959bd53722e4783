using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using OvmsOta.Tests.Portable.Boot;

namespace OvmsOta.Tests.Host.Boot;

/// <summary>Runs the portable power-cut sweeps of a trial and prints their cut-point counts (the Done-when figures).</summary>
[TestClass]
public class TrialPowerCutReportTests
{
    [TestMethod]
    public void PrintsTheCutPointsOfEverySweep()
    {
        int total = 0;
        Console.WriteLine("layout            rollback  scenario   flash ops  cut points");
        foreach (bool factory in new[] { false, true })
            foreach (int before in factory ? new[] { 0, 1, 2 } : new[] { 0, 1 })
                foreach (bool rollback in new[] { false, true })
                    for (int scenario = TrialPowerCutTests.Commit; scenario <= TrialPowerCutTests.Crash; scenario++)
                    {
                        int ops = TrialPowerCutTests.Measure(factory, before, rollback, scenario);
                        int cuts = TrialPowerCutTests.Sweep(factory, before, rollback, scenario);
                        Assert.AreEqual(ops * (2 + (int)TrialPowerCutTests.Seeds), cuts);
                        string layout = factory ? (before == 0 ? "v3-30 fac->ota_0" : before == 1 ? "v3-30 ota_0->1" : "v3-30 ota_1->0") : before == 0 ? "v3-35 ota_0->1" : "v3-35 ota_1->0";
                        Console.WriteLine($"{layout,-17} {(rollback ? "on" : "off"),-9} {TrialPowerCutTests.ScenarioName(scenario),-10} {ops,9}  {cuts,10}");
                        total += cuts;
                    }
        Console.WriteLine($"total cut points: {total}");
        Assert.IsTrue(total > 0);
    }
}
