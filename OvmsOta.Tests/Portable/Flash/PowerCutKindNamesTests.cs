#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Flash
{
    [TestClass]
    public class PowerCutKindNamesTests
    {
        [TestMethod]
        public void EveryKindHasItsNameAndAnUnknownValueSaysItsNumber()
        {
            Assert.AreEqual("done", PowerCutKindNames.Name(PowerCutKind.Done));
            Assert.AreEqual("not done", PowerCutKindNames.Name(PowerCutKind.NotDone));
            Assert.AreEqual("torn", PowerCutKindNames.Name(PowerCutKind.Torn));
            Assert.AreEqual("power cut kind 7", PowerCutKindNames.Name((PowerCutKind)7));
        }
    }
}
