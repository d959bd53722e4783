namespace OvmsOta.Engine
{
    /// <summary>The automatic update as the shell starts it (`ota flash auto [force]`); the nightly job implements it.</summary>
    public interface IAutoUpdate
    {
        /// <summary>Starts a run now, whatever the hour; false when one is already running.</summary>
        bool Launch(bool force);
    }
}
