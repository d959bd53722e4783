using OvmsOta.Ports;
using OvmsOta.Simulator.Compression;

namespace OvmsOta.Tests.Portable.Compression
{
    /// <summary>
    /// The deflate decoder the portable tests use, host build: the system's zlib (the simulator's binding), so the same
    /// stored-block inputs go through a real inflater here and through the stored-block double on nanoCLR
    /// (NFUnitTest.Update/PortableDeflate.cs).
    /// </summary>
    public static class PortableDeflate
    {
        public static IDeflateDecoder Decoder()
        {
            return new ZlibDeflateDecoder();
        }
    }
}
