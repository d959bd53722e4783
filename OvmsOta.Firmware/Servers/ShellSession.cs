using System.IO;
using OvmsOta.Server.Push;
using OvmsOta.Shell;

namespace OvmsOta.Firmware.Servers
{
    /// <summary>
    /// The `ota` shell over one connection (raw TCP, e.g. `nc module 2323`; no telnet negotiation): a password when
    /// config `ota push.secret` is set (the same secret as the push endpoint, compared in constant time), then one
    /// command per line through <see cref="OtaEngine.Execute"/>, a prompt after each, `exit` or `quit` to leave.
    /// Lines are bounded (<see cref="MaxLineBytes"/>); a longer one is refused, not run cut.
    /// </summary>
    public sealed class ShellSession : IConnectionHandler
    {
        public const int MaxLineBytes = 256;
        public const string Prompt = "OVMS# ";
        public const string PasswordPrompt = "Password: ";
        public const string LoginFailedText = "Login failed";
        public const string OpenWarningText = "Warning: no password: set one with `config set ota push.secret <16+ characters>`";
        public const string LineTooLongText = "Error: line longer than 256 bytes, not run";

        private readonly OtaEngine _engine;

        public ShellSession(OtaEngine engine)
        {
            _engine = engine;
        }

        public void Serve(Stream connection)
        {
            StreamShellOutput output = new StreamShellOutput(connection);
            LineReader reader = new LineReader(connection, MaxLineBytes);
            if (!LogIn(reader, output))
                return;
            output.Write(Prompt);
            string line;
            while (!output.Broken && (line = reader.ReadLine()) != null)
            {
                string command = line.Trim();
                if (reader.Overflowed)
                    output.WriteLine(LineTooLongText);
                else if (command == "exit" || command == "quit")
                    return;
                else if (command.Length > 0)
                    _engine.Execute(command, output);
                output.Write(Prompt);
            }
        }

        private bool LogIn(LineReader reader, StreamShellOutput output)
        {
            string secret = _engine.Config.PushSecret;
            if (secret.Length == 0)
            {
                output.WriteLine(OpenWarningText);
                return true;
            }
            output.Write(PasswordPrompt);
            string presented = reader.ReadLine();
            if (presented != null && !reader.Overflowed && SecretComparer.Matches(secret, presented))
                return true;
            output.WriteLine(LoginFailedText);
            return false;
        }
    }
}
