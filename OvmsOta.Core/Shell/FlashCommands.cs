using System;
using System.IO;
using OvmsOta.Engine;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

namespace OvmsOta.Shell
{
    /// <summary>`ota flash vfs &lt;file&gt;` and `ota flash http [&lt;url&gt;]`: OVMS's sequences, texts and checks, under the flash lock.</summary>
    public sealed class FlashCommands
    {
        /// <summary>OVMS refuses to flash from the config store.</summary>
        public const string ProtectedPath = "/store/ovms_config";

        private readonly ModuleSlots _slots;
        private readonly Installer _installer;
        private readonly UpdateServerInfo _server;
        private readonly IFileAccess _files;

        /// <summary>files: for `ota flash vfs`; null when the platform has none (every file "cannot be found").</summary>
        public FlashCommands(ModuleSlots slots, Installer installer, UpdateServerInfo server, IFileAccess files)
        {
            _slots = slots;
            _installer = installer;
            _server = server;
            _files = files;
        }

        public void Vfs(string path, IShellOutput output)
        {
            Vfs(path, false, output);
        }

        /// <summary>As <see cref="Vfs(string, IShellOutput)"/>; without force an image older than the running one is refused.</summary>
        public void Vfs(string path, bool force, IShellOutput output)
        {
            if (!ShellLock.TryEnter(_installer.Lock, output))
                return;
            try
            {
                PartitionEntry target = Target(output);
                if (target == null)
                    return;
                if (IsProtected(path))
                {
                    output.WriteLine("Error: protected path");
                    return;
                }
                IFileAccess files = _files;
                int size = files == null ? -1 : files.Length(path);
                if (size < 0)
                {
                    output.WriteLine("Error: Cannot find file " + path);
                    return;
                }
                output.WriteLine("Source image is " + size.ToString() + " bytes in size");
                ShellNarrator narrator = new ShellNarrator(output, false);
                InstallRun run = new InstallRun(_installer, target, narrator, "OTA Flash VFS: ");
                if (!force)
                    run.Gate = new NotOlder(_server.FullVersion, "ota flash vfs " + path + " force", null);
                run.CheckCapacity(size);
                Stream file = files.OpenRead(path);
                if (file == null)
                {
                    output.WriteLine("Error: Cannot open " + path);
                    return;
                }
                try
                {
                    run.Begin(size);
                    output.WriteLine("OTA Flash VFS: Flashing image partition...");
                    _installer.Status.Set("OTA Flash VFS: Flashing image partition...");
                    run.WriteFile(file, size);
                }
                catch (ReportedException)
                {
                    run.Abort();
                    throw;
                }
                finally
                {
                    file.Dispose();
                }
                run.Finish();
                Success(output, size, path, target);
                _installer.RecordSource(false, path);
            }
            catch (ReportedException)
            {
            }
            finally
            {
                _installer.Status.Clear();
                _installer.Lock.Exit();
            }
        }

        /// <summary>
        /// `ota flash http` without a URL asks for the server's version: when its .ver names one, the image must be
        /// that version. A .ver that cannot be read leaves the image unchecked, as OVMS installs it.
        /// </summary>
        private IImageGate ServerVersionGate()
        {
            if (!_server.NetworkUp)
                return null;
            ServerCheck check = ServerCheck.Run(_server);
            if (check.Version.Length == 0)
                return null;
            AnnouncedVersion gate = new AnnouncedVersion(check.Version, _server);
            gate.Project = _slots.RunningProject(_installer.WorkBuffer);
            return gate;
        }

        public void Http(string url, IShellOutput output)
        {
            Http(url, false, output, 0);
        }

        /// <summary>
        /// `ota flash http`; without force an image older than the running one is refused. commitTimeoutSeconds: a trial
        /// time of this update's own (the RPC's commit_timeout; 0: `ota commit.timeout`). True when the image went in
        /// and is the next boot.
        /// </summary>
        public bool Http(string url, bool force, IShellOutput output, int commitTimeoutSeconds)
        {
            string forceHint = "ota flash http " + (url == null || url.Length == 0 ? "" : url + " ") + "force";
            if (!ShellLock.TryEnter(_installer.Lock, output))
                return false;
            try
            {
                PartitionEntry target = Target(output);
                if (target == null)
                    return false;
                IImageGate gate = null;
                if (url == null || url.Length == 0)
                {
                    url = _server.ImageUrl;
                    gate = ServerVersionGate();
                }
                output.WriteLine("Download firmware from " + url + " to " + target.Label);
                ShellNarrator narrator = new ShellNarrator(output, true);
                InstallRun run = new InstallRun(_installer, target, narrator, "OTA Flash HTTP: ");
                run.AnnounceSize = true;
                run.Gate = force ? gate : new NotOlder(_server.FullVersion, forceHint, gate);
                run.CommitTimeoutSeconds = commitTimeoutSeconds;
                int size;
                try
                {
                    size = _server.Download.Download(url, _installer.WorkBuffer, run);
                }
                catch (DownloadException e)
                {
                    if (run.Begun)
                        output.WriteLine((EndedNormally(e) ? "Download complete (at " : "Download failed (at ") + run.Received.ToString() + " bytes)");
                    if (e.Error == DownloadError.RequestFailed)
                    {
                        // OVMS's line as it is, then what went wrong, indented like the other causes.
                        output.WriteLine("Error: Request failed");
                        output.WriteLine("  " + e.Message);
                    }
                    else
                        output.WriteLine("Error: " + e.Message);
                    run.Abort();
                    return false;
                }
                output.WriteLine("Download complete (at " + run.Received.ToString() + " bytes)");
                run.Finish();
                Success(output, size, url, target);
                _installer.RecordSource(true, url);
                return true;
            }
            catch (ReportedException)
            {
                return false;
            }
            finally
            {
                _installer.Status.Clear();
                _installer.Lock.Exit();
            }
        }

        /// <summary>Steps 2 to 6 of OVMS's flash commands: the running and the target partition, each printed.</summary>
        private PartitionEntry Target(IShellOutput output)
        {
            if (_slots.Running == null)
            {
                output.WriteLine("Error: Current running image cannot be determined - aborting");
                return null;
            }
            output.WriteLine("Current running partition is: " + _slots.Running.Label);
            InstallFailure refusal = _installer.UpdateRefusal();
            if (refusal != null)
            {
                output.WriteLine(refusal.ShellText);
                return null;
            }
            PartitionEntry target = _slots.NextTarget();
            if (target == null)
            {
                output.WriteLine("Error: Target partition cannot be determined - aborting");
                return null;
            }
            output.WriteLine("Target partition is: " + target.Label);
            if (target == _slots.Running)
            {
                output.WriteLine("Error: Cannot flash to running image partition");
                return null;
            }
            return target;
        }

        private static void Success(IShellOutput output, int size, string source, PartitionEntry target)
        {
            output.WriteLine("OTA flash was successful");
            output.WriteLine("  Flashed " + size.ToString() + " bytes from " + source);
            output.WriteLine("  Next boot will be from '" + target.Label + "'");
        }

        /// <summary>The body ended (the server closed early) rather than a read error or timeout: OVMS then says "complete".</summary>
        private static bool EndedNormally(DownloadException e)
        {
            return e.Error == DownloadError.Truncated && e.InnerException == null;
        }

        /// <summary>/store/ovms_config and anything under it, after folding "//", "/./" and "/../".</summary>
        public static bool IsProtected(string path)
        {
            string normal = Normalise(path);
            return normal == ProtectedPath || normal.StartsWith(ProtectedPath + "/");
        }

        private static string Normalise(string path)
        {
            string[] parts = path.Split(new char[] { '/' });
            string[] kept = new string[parts.Length];
            int count = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i];
                if (part.Length == 0 || part == ".")
                    continue;
                if (part == "..")
                {
                    if (count > 0)
                        count--;
                    continue;
                }
                kept[count++] = part;
            }
            string result = string.Empty;
            for (int i = 0; i < count; i++)
                result = result + "/" + kept[i];
            return result.Length == 0 ? "/" : result;
        }
    }
}
