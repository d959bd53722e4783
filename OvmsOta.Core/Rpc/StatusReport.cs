using OvmsOta.Boot;
using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Rpc
{
    /// <summary>
    /// OTA.Status and OTA.GetBootState from the engine: the facts `ota status` prints (slots and their versions, running
    /// and boot partition, trial, flash status, server version) as objects. Reads flash through a buffer of its own, as
    /// `ota status` does (the work buffer belongs to the writer holding the lock), and takes no lock. Texts from a server
    /// or an image have their control characters shown, as `ota status` prints them.
    /// </summary>
    internal static class StatusReport
    {
        private const int VersionBufferSize = 512;

        public static StatusReply Build(OtaEngine engine, RpcUpdateJob job, bool checkServer)
        {
            ModuleSlots slots = engine.Slots;
            StatusReply reply = new StatusReply();
            reply.hardware = engine.Platform.Hardware.Description;
            reply.firmware = VisibleText.Of(engine.Server.FullVersion);
            reply.version = engine.Platform.Firmware.Version;
            reply.partition_type = OvmsLayouts.Describe(slots.Layout);
            reply.running = slots.RunningLabel;
            PartitionEntry boot = slots.BootSlots.BootPartition();
            reply.boot = boot != null ? boot.Label : string.Empty;
            reply.slots = Slots(slots, boot);
            reply.trial = Trial(engine.Trial.Watchdog);
            reply.boot_report = VisibleText.Of(engine.Trial.BootReport);
            InstallStatus status = engine.Installer.Status;
            reply.status = status.Text;
            reply.percent = status.Percent;
            reply.busy = engine.Installer.Lock.IsHeld;
            reply.server = Server(engine.Server, checkServer);
            OtaConfig config = engine.Config;
            reply.tag = engine.Server.Tag;
            reply.auto_update = config.AutoEnabled;
            reply.auto_hour = config.AutoHour;
            reply.commit_timeout = config.CommitTimeoutSeconds;
            reply.push_enabled = config.PushEnabled;
            reply.last_update = job.Outcome();
            return reply;
        }

        public static BootState Boot(OtaEngine engine)
        {
            BootState state = new BootState();
            PartitionEntry running = engine.Slots.Running;
            state.active_slot = running != null ? running.OtaIndex : -1;
            CommitWatchdog watchdog = engine.Trial.Watchdog;
            bool onTrial = watchdog != null && watchdog.IsOnTrial;
            state.is_committed = !onTrial;
            state.revert_slot = -1;
            if (onTrial)
            {
                // While on trial the armed otadata entry boots the previous image: that is where a revert goes.
                PartitionEntry back = engine.Slots.BootSlots.BootPartition();
                state.revert_slot = back != null && back != running ? back.OtaIndex : -1;
                state.commit_timeout = Seconds(watchdog.Status.MillisecondsLeft);
            }
            return state;
        }

        private static SlotState[] Slots(ModuleSlots slots, PartitionEntry boot)
        {
            PartitionTable table = slots.Table;
            int count = table.OtaSlotCount + (table.Factory != null ? 1 : 0);
            SlotState[] states = new SlotState[count];
            byte[] buffer = new byte[VersionBufferSize];
            int n = 0;
            if (table.Factory != null)
                states[n++] = Slot(slots, table.Factory, boot, buffer);
            for (int i = 0; i < table.OtaSlotCount; i++)
                states[n++] = Slot(slots, table.OtaSlot(i), boot, buffer);
            return states;
        }

        private static SlotState Slot(ModuleSlots slots, PartitionEntry partition, PartitionEntry boot, byte[] buffer)
        {
            SlotState state = new SlotState();
            state.label = partition.Label;
            string version = OvmsVersionReader.Read(slots.Flash, partition.Offset, partition.Size, buffer);
            state.version = version != null ? VisibleText.Of(version) : string.Empty;
            state.running = partition == slots.Running;
            state.boot = partition == boot;
            return state;
        }

        private static TrialState Trial(CommitWatchdog watchdog)
        {
            TrialState state = new TrialState();
            if (watchdog == null)
                return state;
            TrialStatus status = watchdog.Status;
            state.on_trial = status.OnTrial;
            state.seconds_left = status.OnTrial ? Seconds(status.MillisecondsLeft) : 0;
            state.guard = status.Guard;
            state.note = VisibleText.Of(status.Note);
            state.text = status.OnTrial || status.Note != null ? status.ToString() : string.Empty;
            return state;
        }

        private static ServerState Server(UpdateServerInfo server, bool check)
        {
            ServerState state = new ServerState();
            state.image_url = server.ImageUrl;
            if (!check)
                return state;
            state.@checked = true;
            if (!server.NetworkUp)
            {
                state.error = "no network (wifi or modem) to reach the update server";
                return state;
            }
            ServerCheck result = ServerCheck.Run(server);
            state.version = VisibleText.Of(result.Version);
            state.is_newer = result.IsNewer;
            state.changelog = VisibleText.Of(result.Changelog);
            state.error = VisibleText.Of(result.Error);
            return state;
        }

        private static int Seconds(long milliseconds)
        {
            return (int)((milliseconds + 999) / 1000);
        }
    }
}
