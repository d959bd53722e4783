namespace OvmsOta.Simulator.Module;

/// <summary>The bootloader model found nothing to boot: the simulated module is bricked (what OvmsOta exists to prevent).</summary>
public sealed class ModuleDeadException(string message) : Exception(message);
