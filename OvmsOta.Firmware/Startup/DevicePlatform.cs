using OvmsOta.Engine;
using OvmsOta.Firmware.Bindings;
using OvmsOta.Firmware.Http;
using OvmsOta.Ports;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>Core's <see cref="OtaPlatform"/> with every device binding in place.</summary>
    public static class DevicePlatform
    {
        public static OtaPlatform Create(NativeFlashBinding flash, DeviceLog log)
        {
            INativeHash hash = new NativeHashCalls();
            OtaPlatform platform = new OtaPlatform();
            platform.Flash = flash;
            platform.RunningPartition = flash.RunningLabel();
            platform.Sha256 = new NativeSha256(hash);
            platform.BundleSha256 = new NativeSha256(hash);
            platform.ChecksumFold = new NativeChecksumFold(hash);
            platform.SignatureVerifier = new NativeSignatureVerifier();
            platform.Deflate = new NativeDeflateDecoder(new NativeInflateCalls());
            platform.Json = new NanoJsonCodec();
            platform.Http = new DeviceHttpTransport();
            platform.MonotonicClock = new DeviceClock();
            platform.WallClock = new DeviceWallClock(DeviceSettings.UtcOffsetMinutes);
            platform.Network = new DeviceNetworkStatus();
            platform.Hardware = new HardwareInfo(DeviceSettings.Hardware, DeviceSettings.HardwareBuild, DeviceSettings.ChipRevision);
            FirmwareIdentity firmware = new FirmwareIdentity(DeviceSettings.Version, DeviceSettings.IdfVersion,
                DeviceSettings.BuildDate, DeviceSettings.BuildTime);
            firmware.BuildTag = DeviceSettings.BuildTag;
            platform.Firmware = firmware;
            platform.Log = log;
            platform.Notifier = log;
            platform.Reboot = new DeviceReboot(log);
            return platform;
        }
    }
}
