namespace OvmsOta.Simulator.Module;

/// <summary>The module asked to restart (commit deadline passed, `ota revert`): the simulator unwinds to its loop and reboots it.</summary>
public sealed class ModuleRebootException(string reason) : Exception(reason);
