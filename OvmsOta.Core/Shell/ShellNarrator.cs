using OvmsOta.Engine;

namespace OvmsOta.Shell
{
    /// <summary>
    /// The shell's narrator: prints every line; after an OVMS error line, the exact cause indented (ours: OVMS prints
    /// only the ESP error number). With download progress on, "Downloading... N% (X bytes so far)" each time more than
    /// 200 000 bytes arrived since the last such line, as OVMS's `ota flash http`.
    /// </summary>
    public sealed class ShellNarrator : IInstallNarrator
    {
        public const int ProgressStep = 200000;

        private readonly IShellOutput _output;
        private readonly bool _downloadProgress;
        private int _lastProgress;

        public ShellNarrator(IShellOutput output, bool downloadProgress)
        {
            _output = output;
            _downloadProgress = downloadProgress;
        }

        public void Line(string text)
        {
            _output.WriteLine(text);
        }

        public void Failed(InstallFailure failure)
        {
            _output.WriteLine(failure.ShellText);
            string detail = failure.Detail;
            if (detail != null && detail.Length > 0)
                _output.WriteLine("  " + detail);
        }

        public void Progress(int received, int expected)
        {
            if (!_downloadProgress || received - _lastProgress <= ProgressStep)
                return;
            _lastProgress = received;
            _output.WriteLine("Downloading... " + ((long)received * 100 / expected).ToString() + "% (" + received.ToString() + " bytes so far)");
        }
    }
}
