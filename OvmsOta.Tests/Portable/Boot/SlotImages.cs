#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Partitions;

namespace OvmsOta.Tests.Portable.Boot
{
    /// <summary>Stands in for image verification: which of factory, ota_0, ota_1 and test hold a valid image; counts the checks.</summary>
    public sealed class SlotImages : IAppImageCheck
    {
        private readonly bool _factory;
        private readonly bool _ota0;
        private readonly bool _ota1;
        private readonly bool _test;
        public int Checks;

        public SlotImages(bool factory, bool ota0, bool ota1, bool test)
        {
            _factory = factory;
            _ota0 = ota0;
            _ota1 = ota1;
            _test = test;
        }

        public bool HasValidImage(PartitionEntry slot)
        {
            Checks++;
            if (slot.IsFactory)
                return _factory;
            if (slot.OtaIndex == 0)
                return _ota0;
            if (slot.OtaIndex == 1)
                return _ota1;
            return slot.Subtype == PartitionTypes.AppTest && _test;
        }
    }
}
