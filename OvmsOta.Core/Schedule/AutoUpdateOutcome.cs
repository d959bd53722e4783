namespace OvmsOta.Schedule
{
    /// <summary>How one run of the automatic update ended (the log says it in OVMS's words; tests read this).</summary>
    public enum AutoUpdateOutcome
    {
        /// <summary>The tick did not start a run (auto off, not the hour, already checked today).</summary>
        NotDue,
        /// <summary>A run was already under way ("Task already running").</summary>
        AlreadyRunning,
        /// <summary>Running or target partition unknown (retry allowed).</summary>
        NoTarget,
        /// <summary>The running image is on trial: no update until it is committed or reverted.</summary>
        OnTrial,
        /// <summary>No network or no server version (retry allowed).</summary>
        NoServerVersion,
        /// <summary>The server has nothing newer.</summary>
        Current,
        /// <summary>Newer firmware, but no wifi and auto.allow.modem is off.</summary>
        NeedsWifi,
        /// <summary>The target slot holds this version and it failed its trial there (no retry unless forced).</summary>
        RolledBackBefore,
        /// <summary>This version already failed to install today.</summary>
        FailedToday,
        /// <summary>Another flash operation holds the lock (retry allowed).</summary>
        Busy,
        /// <summary>The download failed before anything was written (retry allowed).</summary>
        RequestFailed,
        /// <summary>The image was refused or the install failed; nothing was activated (no retry of this version today).</summary>
        InstallFailed,
        /// <summary>Installed; the module restarted (or was told to).</summary>
        Updated,
        /// <summary>Installed; the reboot policy holds the restart for now.</summary>
        RestartHeld,
    }
}
