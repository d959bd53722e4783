using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The server half of `ota status`: fetch &lt;server&gt;/&lt;product&gt;/&lt;tag&gt;/ovms3.ver and compare its first line with
    /// the running version (strverscmp, -dirty, cut at '/'). Shared by the status command and the nightly job.
    /// </summary>
    public sealed class ServerCheck
    {
        private readonly string _version;
        private readonly string _changelog;
        private readonly string _error;
        private readonly bool _newer;
        private readonly string _imageVersion;

        private ServerCheck(string version, string changelog, string error, bool newer, string imageVersion)
        {
            _version = version;
            _changelog = changelog;
            _error = error;
            _newer = newer;
            _imageVersion = imageVersion;
        }

        /// <summary>
        /// The version an update found in the server's image when it was not the announced one (then nothing was
        /// installed and <see cref="IsNewer"/> is false); null otherwise.
        /// </summary>
        public string ImageVersion { get { return _imageVersion; } }

        /// <summary>The server's version, empty when it could not be determined.</summary>
        public string Version { get { return _version; } }

        public string Changelog { get { return _changelog; } }

        /// <summary>Why the check failed (ours; OVMS says nothing), or null.</summary>
        public string Error { get { return _error; } }

        /// <summary>The server version is newer than the running one (compare &gt; 0) and its image was not found to be another version.</summary>
        public bool IsNewer { get { return _newer && _imageVersion == null; } }

        /// <summary>.ver announces a version newer than the running one, whatever an earlier update found in its image.</summary>
        public bool AnnouncesNewer { get { return _newer; } }

        public static ServerCheck Run(UpdateServerInfo server)
        {
            try
            {
                VersionFile file = server.Fetcher.FetchVersionFile(server.VersionUrl);
                string version = file.Version;
                string imageVersion = server.ImageVersionFor(version);
                bool newer = VersionComparer.IsNewer(version, server.FullVersion);
                return new ServerCheck(version, file.Changelog, null, newer, imageVersion);
            }
            catch (DownloadException e)
            {
                return new ServerCheck(string.Empty, string.Empty, e.Message, false, null);
            }
        }
    }
}
