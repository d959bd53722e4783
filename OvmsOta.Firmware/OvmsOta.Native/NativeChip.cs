using System.Runtime.CompilerServices;

namespace OvmsOta.Native
{
    /// <summary>Restart hook (esp_restart), the engine's own native entry for a reboot.</summary>
    public static class NativeChip
    {
        // Restart___STATIC__VOID
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Restart();
    }
}
