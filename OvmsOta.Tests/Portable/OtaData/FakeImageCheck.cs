#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Partitions;

namespace OvmsOta.Tests.Portable.OtaData
{
    /// <summary>Stands in for the image validator: every app partition holds a valid image except the one labelled Invalid.</summary>
    public sealed class FakeImageCheck : IAppImageCheck
    {
        private readonly string _invalid;

        public FakeImageCheck(string invalidLabel)
        {
            _invalid = invalidLabel;
        }

        public bool HasValidImage(PartitionEntry slot)
        {
            return slot.Label != _invalid;
        }
    }
}
