namespace OvmsOta.Engine
{
    /// <summary>
    /// What a running flash operation is doing, for `ota status` ("Status: OTA Flash HTTP: Downloading OTA image... (42%)")
    /// read from another thread while the writer updates it.
    /// </summary>
    public sealed class InstallStatus
    {
        private string _text = string.Empty;
        private int _percent;

        public string Text { get { return _text; } }
        public int Percent { get { return _percent; } }

        public void Set(string text)
        {
            _percent = 0;
            _text = text;
        }

        public void Progress(int percent)
        {
            _percent = percent;
        }

        public void Clear()
        {
            _text = string.Empty;
            _percent = 0;
        }

        /// <summary>The status line's value, or empty when no flash operation runs.</summary>
        public string Describe()
        {
            string text = _text;
            int percent = _percent;
            if (text.Length == 0)
                return string.Empty;
            return percent > 0 ? text + " (" + percent.ToString() + "%)" : text;
        }
    }
}
