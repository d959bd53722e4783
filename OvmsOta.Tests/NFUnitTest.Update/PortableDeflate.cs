using OvmsOta.Ports;
using OvmsOta.Simulation;

namespace OvmsOta.Tests.Portable.Compression
{
    /// <summary>
    /// The deflate decoder the portable tests use, nanoFramework build: the stored-block double (nanoCLR has neither the
    /// device's ROM inflater nor zlib), which is why the portable inputs are made of stored blocks. The host build
    /// compiles Host/Compression/PortableDeflate.cs instead, which gives the system's zlib.
    /// </summary>
    public static class PortableDeflate
    {
        public static IDeflateDecoder Decoder()
        {
            return new StoredBlockDecoder();
        }
    }
}
