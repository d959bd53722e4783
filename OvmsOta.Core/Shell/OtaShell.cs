using System;
using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Shell
{
    /// <summary>
    /// The text shell of the module: one line in, its output to the writer. `ota ...` is OVMS's command tree with its
    /// texts; `config ...` goes to the configuration command. As on OVMS, commands that change flash or config need
    /// secure mode (`enable`, with config `password module` when one is set); reading (`ota`, `ota status`, `ota partitions
    /// list`, `config list|get`) does not. Each session passes its own <see cref="ShellMode"/>.
    /// </summary>
    public sealed class OtaShell
    {
        public const string UnrecognisedText = "Unrecognised command";
        public const string SubcommandRequiredText = "Subcommand required";
        /// <summary>The one line a command gets once a restart is pending (then the reason in brackets); it does not run.</summary>
        public const string RestartingText = "Error: The module is restarting - nothing more runs until it is back";
        public const string PartitionUpgradeText = "Error: ota partitions upgrade is not supported by OvmsOta: upgrade the partitioning "
            + "with OVMS 3.3.006 first (web UI, Config -> Partitioning), or reflash over USB with the v3-35 table";

        private static readonly char[] Blank = new char[] { ' ', '\t' };

        private readonly PartitionTable _table;
        private readonly ConfigCommand _config;
        private readonly IAutoUpdate _autoUpdate;
        private readonly RebootGate _reboot;
        private readonly StatusCommand _status;
        private readonly FlashCommands _flash;
        private readonly SlotCommands _slotCommands;
        private readonly TrialCommands _trial;
        private readonly PartitionListCommand _partitionList;
        private readonly EnableCommand _enable;
        private readonly ShellMode _console;

        /// <summary>
        /// files may be null (then `ota flash vfs` finds no file); reboot is null without a reboot binding; configStore
        /// holds `password module` (null: no password).
        /// </summary>
        public OtaShell(ModuleSlots slots, Installer installer, UpdateServerInfo server, Trial trial, ConfigCommand config,
            ConfigStore configStore, HardwareInfo hardware, IFileAccess files, IAutoUpdate autoUpdate, RebootGate reboot)
        {
            _table = slots.Table;
            _config = config;
            _autoUpdate = autoUpdate;
            _reboot = reboot;
            _status = new StatusCommand(slots, installer.Status, trial, server, hardware);
            _flash = new FlashCommands(slots, installer, server, files);
            _slotCommands = new SlotCommands(slots, installer);
            _trial = new TrialCommands(slots, trial, installer.Lock);
            _partitionList = new PartitionListCommand(slots);
            _enable = new EnableCommand(configStore);
            _console = _enable.NewSession();
        }

        /// <summary>A new session's mode: secure when no module password is set, else it must `enable` first.</summary>
        public ShellMode NewSession()
        {
            return _enable.NewSession();
        }

        /// <summary>Runs one command line in the console's session (one per boot, see <see cref="NewSession"/>).</summary>
        public void Execute(string line, IShellOutput output)
        {
            Execute(line, output, _console);
        }

        /// <summary>Runs one command line in a session; never throws for a bad line (the output says what was wrong).</summary>
        public void Execute(string line, IShellOutput output, ShellMode mode)
        {
            // Versions, changelogs and server messages are printed: their control characters are shown, not sent.
            output = new VisibleOutput(output);
            if (mode.AwaitingPassword)
            {
                _enable.Answer(line == null ? string.Empty : line.Trim(), mode, output);
                return;
            }
            string[] words = Words(line);
            if (words.Length == 0)
                return;
            if (_reboot != null && _reboot.IsPending)
            {
                output.WriteLine(RestartingText + " (" + _reboot.Reason + ")");
                return;
            }
            if (words[0] == "enable")
            {
                _enable.Enable(words, mode, output);
                return;
            }
            if (words[0] == "disable" && words.Length == 1)
            {
                mode.Secure = false;
                return;
            }
            if (!mode.Secure && NeedsSecure(words))
            {
                output.WriteLine(EnableCommand.RequiresEnableText);
                return;
            }
            if (words[0] == "ota")
            {
                Ota(words, output);
                return;
            }
            if (words[0] == "config")
            {
                StatusCommand.WriteLines(output, _config.ExecuteLine(line.Trim()));
                return;
            }
            output.WriteLine(UnrecognisedText);
        }

        /// <summary>
        /// Commands that change flash or config (OVMS registers them secure): every `ota` subcommand but the status and
        /// the partition list, and `config set|rm`. Reading stays open, so a read-only session can still look.
        /// </summary>
        private static bool NeedsSecure(string[] words)
        {
            if (words.Length < 2)
                return false;
            string verb = words[1];
            if (words[0] == "ota")
                return verb != "status" && !(verb == "partitions" && words.Length == 3 && words[2] == "list");
            if (words[0] == "config")
                return verb == "set" || verb == "rm";
            return false;
        }

        private void Ota(string[] words, IShellOutput output)
        {
            if (words.Length == 1)
            {
                _status.Run(output, false);
                return;
            }
            string verb = words[1];
            if (verb == "status")
            {
                if (words.Length == 2)
                    _status.Run(output, true);
                else if (words.Length == 3 && words[2] == "nocheck")
                    _status.Run(output, false);
                else
                    Unrecognised(output, "ota status [nocheck]");
            }
            else if (verb == "flash")
                Flash(words, output);
            else if (verb == "boot" || verb == "erase")
                Slot(words, output, verb);
            else if (verb == "copy")
                Copy(words, output);
            else if (verb == "partitions")
                Partitions(words, output);
            else if (verb == "commit" && words.Length == 2)
                _trial.Commit(output);
            else if (verb == "revert" && words.Length == 2)
                _trial.Revert(output);
            else
                Unrecognised(output, "ota [boot|commit|copy|erase|flash|partitions|revert|status]");
        }

        private void Flash(string[] words, IShellOutput output)
        {
            const string usage = "ota flash [auto|http|vfs]";
            if (words.Length == 2)
            {
                Required(output, usage);
                return;
            }
            string source = words[2];
            // A trailing "force" installs an image older than the running one (it is never a file or URL of ours).
            bool force = words.Length > 3 && words[words.Length - 1] == "force";
            int arguments = words.Length - (force ? 4 : 3);
            if (source == "vfs" && arguments == 1)
                _flash.Vfs(words[3], force, output);
            else if (source == "vfs")
                Usage(output, "ota flash vfs <file>");
            else if (source == "http" && arguments <= 1)
                _flash.Http(arguments == 1 ? words[3] : null, force, output, 0);
            else if (source == "http")
                Usage(output, "ota flash http [<url>]");
            else if (source == "auto" && (words.Length == 3 || (words.Length == 4 && words[3] == "force")))
                AutoFlash(words.Length == 4, output);
            else if (source == "auto")
                Unrecognised(output, "ota flash auto [force]");
            else
                Unrecognised(output, usage);
        }

        private void AutoFlash(bool force, IShellOutput output)
        {
            output.WriteLine("Triggering automatic firmware update...");
            _autoUpdate.Launch(force);
        }

        private void Slot(string[] words, IShellOutput output, string verb)
        {
            string usage = "ota " + verb + " [" + PartitionChoices() + "]";
            if (words.Length == 2)
            {
                Required(output, usage);
                return;
            }
            if (words.Length != 3 || !IsChoice(words[2]))
            {
                Unrecognised(output, usage);
                return;
            }
            if (verb == "boot")
                _slotCommands.Boot(words[2], output);
            else
                _slotCommands.Erase(words[2], output);
        }

        private void Copy(string[] words, IShellOutput output)
        {
            string usage = "ota copy <from> <to> (" + PartitionChoices() + ", from and to differ)";
            if (words.Length == 2)
            {
                Required(output, usage);
                return;
            }
            if (words.Length != 4 || !IsChoice(words[2]) || !IsChoice(words[3]) || words[2] == words[3])
            {
                Unrecognised(output, usage);
                return;
            }
            _slotCommands.Copy(words[2], words[3], output);
        }

        private void Partitions(string[] words, IShellOutput output)
        {
            const string usage = "ota partitions [list|upgrade]";
            if (words.Length == 2)
                Required(output, usage);
            else if (words[2] == "list" && words.Length == 3)
                _partitionList.Run(output);
            else if (words[2] == "upgrade" || words[2] == "store")
                output.WriteLine(PartitionUpgradeText);
            else
                Unrecognised(output, usage);
        }

        /// <summary>The partitions OVMS registers as subcommands: factory (only when the table has one), ota_0, ota_1.</summary>
        private string PartitionChoices()
        {
            return _table.Factory != null ? "factory|ota_0|ota_1" : "ota_0|ota_1";
        }

        private bool IsChoice(string name)
        {
            return name == "ota_0" || name == "ota_1" || (name == "factory" && _table.Factory != null);
        }

        private static void Unrecognised(IShellOutput output, string usage)
        {
            output.WriteLine(UnrecognisedText);
            Usage(output, usage);
        }

        private static void Required(IShellOutput output, string usage)
        {
            output.WriteLine(SubcommandRequiredText);
            Usage(output, usage);
        }

        private static void Usage(IShellOutput output, string usage)
        {
            output.WriteLine("Usage: " + usage);
        }

        private static string[] Words(string line)
        {
            if (line == null)
                return new string[0];
            string[] parts = line.Trim().Split(Blank);
            int count = 0;
            for (int i = 0; i < parts.Length; i++)
                if (parts[i].Length > 0)
                    count++;
            string[] words = new string[count];
            count = 0;
            for (int i = 0; i < parts.Length; i++)
                if (parts[i].Length > 0)
                    words[count++] = parts[i];
            return words;
        }
    }
}
