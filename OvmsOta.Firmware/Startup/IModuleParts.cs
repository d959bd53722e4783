using OvmsOta.Engine;
using OvmsOta.Module;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>What <see cref="ModuleStartup"/> builds and starts: the device's bindings, or a test's fakes.</summary>
    public interface IModuleParts
    {
        /// <summary>The module's bindings (on the device: reads the native partition listing, so it may throw).</summary>
        OtaPlatform CreatePlatform();

        /// <summary>The services to start around the module, in order; each start may throw.</summary>
        ServiceStart[] Services(OtaModule module);
    }
}
