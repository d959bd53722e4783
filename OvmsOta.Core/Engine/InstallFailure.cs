namespace OvmsOta.Engine
{
    /// <summary>
    /// Why an install stopped, told once and formatted by each narrator: the shell prints "Error: " + text and the
    /// cause indented, the nightly job logs it with OVMS's "AutoFlash: " wording, the push endpoint answers with it.
    /// Step says where it stopped, so a narrator words by step, never by searching the text.
    /// </summary>
    public sealed class InstallFailure
    {
        /// <summary>Refused before anything was written (the image on trial): nothing changed.</summary>
        public const int Refused = 1;

        /// <summary>The image is larger than the target slot: nothing changed.</summary>
        public const int Capacity = 2;

        /// <summary>esp_ota_begin failed (the erase or the updater's checks).</summary>
        public const int Begin = 3;

        /// <summary>A write failed, or the image is longer than announced: the target is inconsistent.</summary>
        public const int Write = 4;

        /// <summary>esp_ota_end / set boot failed: the target is inconsistent, otadata unchanged.</summary>
        public const int Finish = 5;

        private readonly int _step;
        private readonly int _espError;
        private readonly string _text;
        private readonly string _detail;

        public InstallFailure(int step, int espError, string text, string detail)
        {
            _step = step;
            _espError = espError;
            _text = text;
            _detail = detail;
        }

        /// <summary>A refusal before anything was written, in the shell's words without "Error: ".</summary>
        public static InstallFailure Refusal(string text)
        {
            return new InstallFailure(Refused, 0, text, null);
        }

        public int Step { get { return _step; } }

        /// <summary>The esp_err_t OVMS would print ("ESP32 error #n"), 0 when the step has none.</summary>
        public int EspError { get { return _espError; } }

        /// <summary>OVMS's failure text without the "Error: " prefix.</summary>
        public string Text { get { return _text; } }

        /// <summary>What exactly went wrong (ours; OVMS prints only the number), or null.</summary>
        public string Detail { get { return _detail; } }

        /// <summary>The shell's line: "Error: " + text.</summary>
        public string ShellText { get { return "Error: " + _text; } }
    }
}
