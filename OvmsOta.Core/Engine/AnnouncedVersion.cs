using OvmsOta.Bundle;
using OvmsOta.Image;
using OvmsOta.UpdateServer;

namespace OvmsOta.Engine
{
    /// <summary>
    /// The gate of an update for the version the update server's .ver announced: the streamed image's app-description
    /// version must be that version (OVMS's comparison: canonical form, -dirty counts), checked from the image's first
    /// 0x120 bytes, so a server whose ovms3.bin is another build installs nothing. A refusal is remembered in
    /// <see cref="UpdateServerInfo"/> so `ota status` stops calling the announced version newer.
    /// </summary>
    public sealed class AnnouncedVersion : IImageGate, IManifestGate
    {
        private readonly string _version;
        private readonly UpdateServerInfo _server;

        /// <summary>version: what .ver announced; server (may be null): where a mismatch is recorded.</summary>
        public AnnouncedVersion(string version, UpdateServerInfo server)
        {
            _version = version;
            _server = server;
        }

        /// <summary>A bundle: its manifest's version must be the announced one (checked before anything is written).</summary>
        public void Check(BundleManifest manifest)
        {
            if (VersionComparer.Compare(_version, manifest.Version) == 0)
                return;
            if (_server != null)
                _server.RecordImageVersion(_version, manifest.Version);
            throw new BundleException(BundleError.NotAnnounced, "The bundle is version " + manifest.Version + ", not " + _version
                + " (the version the update server announced)");
        }

        /// <summary>
        /// The project the image must be built for (the running image's app description project name, "ovms3" on OVMS),
        /// or null: any. An image of another project stops before anything is erased, like a version mismatch.
        /// </summary>
        public string Project { get; set; }

        public void Check(ImageHeader header, AppDescription description)
        {
            string project = Project;
            if (project != null && project.Length > 0 && description.ProjectName != project)
                throw ImageException.Mismatch(ImageError.WrongProject, ImageFormat.AppDescriptionOffset + AppDescription.ProjectNameOffset,
                    "Project name", project + " (the running image's)", description.ProjectName.Length > 0 ? description.ProjectName : "none");
            string found = description.Version;
            if (found.Length > 0 && VersionComparer.Compare(_version, found) == 0)
                return;
            if (_server != null)
                _server.RecordImageVersion(_version, found);
            throw ImageException.Mismatch(ImageError.NotAnnounced, ImageFormat.AppDescriptionOffset + AppDescription.VersionOffset,
                "App version", _version + " (the version the update server announced)", found.Length > 0 ? found : "none");
        }
    }
}
