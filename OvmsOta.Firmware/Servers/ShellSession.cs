using OvmsOta.Module;
using OvmsOta.Shell;
using OvmsOta.Push;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// The `ota` shell over one connection (raw TCP, e.g. `nc module 2323`; no telnet negotiation): a password when
    /// config `ota push.secret` is set (the same secret as the push endpoint, compared in constant time), then one
    /// command per line through <see cref="OtaModule.Execute"/>, a prompt after each, `exit` or `quit` to leave.
    /// Without a password it is read-only: anyone on the module's network could otherwise flash, erase or set the
    /// password themselves.
    /// The connection's deadline (TcpServer) bounds the login to 10 s; a logged-in session is then limited only by the
    /// socket's idle timeout (the owner may sit at the prompt); a read-only session ends at its first read after
    /// <see cref="ReadOnlySessionMilliseconds"/>, so nobody without the password holds the one-connection port.
    /// Lines are bounded (<see cref="MaxLineBytes"/>); a longer one is refused, not run cut. A command that asks for a
    /// restart ends the session.
    /// </summary>
    public sealed class ShellSession : IConnectionHandler
    {
        public const int MaxLineBytes = 256;
        public const int ReadOnlySessionMilliseconds = 60000;
        public const string Prompt = "OVMS# ";
        public const string PasswordPrompt = "Password: ";
        public const string LoginFailedText = "Login failed";
        public const string OpenWarningText = "Read-only: no password is set (config ota push.secret, set it over the USB console); only ota, ota status and ota partitions list run here";
        public const string ReadOnlyText = "Error: read-only shell: set a password (config ota push.secret) over the USB console first";

        // What anyone on the network may run while no password is set: nothing that writes flash or config.
        private static readonly string[] ReadOnlyCommands = { "ota", "ota status", "ota status nocheck", "ota partitions list" };
        public const string LineTooLongText = "Error: line longer than 256 bytes, not run";

        private readonly OtaModule _module;

        public ShellSession(OtaModule module)
        {
            _module = module;
        }

        public void Serve(DeadlineStream connection)
        {
            StreamShellOutput output = new StreamShellOutput(connection);
            LineReader reader = new LineReader(connection, MaxLineBytes);
            bool readOnly = _module.Engine.Config.PushSecret.Length == 0;
            if (!LogIn(reader, output, connection.Deadline))
                return;
            // Its own secure mode, as OVMS gives each console: `enable` when a module password is set.
            ShellMode mode = _module.Shell.NewSession();
            output.Write(Prompt);
            string line;
            while (!output.Broken && (line = reader.ReadLine()) != null)
            {
                string command = line.Trim();
                if (reader.Overflowed)
                    output.WriteLine(LineTooLongText);
                else if (command == "exit" || command == "quit")
                    return;
                else if (readOnly && command.Length > 0 && !IsReadOnly(command))
                    output.WriteLine(ReadOnlyText);
                else if (command.Length > 0)
                    _module.Execute(command, output, mode);
                // The command asked for a restart (ota revert): no prompt, no next line; the connection closes.
                if (_module.RebootPending)
                    return;
                output.Write(Prompt);
            }
        }

        private static bool IsReadOnly(string command)
        {
            for (int i = 0; i < ReadOnlyCommands.Length; i++)
                if (command == ReadOnlyCommands[i])
                    return true;
            return false;
        }

        private bool LogIn(LineReader reader, StreamShellOutput output, ConnectionDeadline deadline)
        {
            string secret = _module.Engine.Config.PushSecret;
            if (secret.Length == 0)
            {
                deadline.LimitConnection(ReadOnlySessionMilliseconds, "read-only shell session");
                output.WriteLine(OpenWarningText);
                return true;
            }
            output.Write(PasswordPrompt);
            string presented = reader.ReadLine();
            if (presented != null && !reader.Overflowed && SecretComparer.Matches(secret, presented))
            {
                deadline.Lift();
                return true;
            }
            output.WriteLine(LoginFailedText);
            return false;
        }
    }
}
