using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OvmsOta.Simulation;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Schedule
{
    /// <summary>
    /// A real update server on 127.0.0.1 serving an OVMS tree v3.3-5/&lt;tag&gt;/ovms3.bin + .ver, one tag per scenario:
    /// newer (a good newer image), same (the running version), missing (.ver only: the image is 404), and faults on the
    /// image of error500, stall, short (the connection drops mid-body) and garbage (not an app image).
    /// </summary>
    public sealed class NightlyServer : IDisposable
    {
        public const string NewVersion = "3.3.006-10-gabcdef012";
        public const int StallHoldMilliseconds = 2000;
        private readonly string _root;

        public NightlyServer(string runningVersion)
        {
            _root = Path.Combine(Path.GetTempPath(), "ovmsota-nightly-" + Guid.NewGuid().ToString("N"));
            ImageBuilder builder = new ImageBuilder(NewVersion);
            builder.Size = 60000;
            Image = builder.Build();
            foreach (string tag in new[] { "newer", "missing", "error500", "stall", "short", "garbage" })
                Write(tag + "/ovms3.ver", NewVersion + "\nNightly build\n");
            Write("same/ovms3.ver", runningVersion + "\n");
            File.WriteAllBytes(Path.Combine(Dir("newer"), "ovms3.bin"), Image);
            Host = UpdateServerHost.Start(_root, "127.0.0.1:0", AddFaults);
        }

        public UpdateServerHost Host { get; }
        public byte[] Image { get; }

        /// <summary>The image URL the module builds for tag (scheme-less, as OVMS's default).</summary>
        public string ImageUrl(string tag) => Host.OtaServerValue + "/v3.3-5/" + tag + "/ovms3.bin";

        public void Dispose()
        {
            Host.Dispose();
            Directory.Delete(_root, true);
        }

        private string Dir(string tag)
        {
            string dir = Path.Combine(_root, "v3.3-5", tag);
            Directory.CreateDirectory(dir);
            return dir;
        }

        private void Write(string path, string text)
        {
            string[] parts = path.Split('/');
            File.WriteAllBytes(Path.Combine(Dir(parts[0]), parts[1]), Encoding.UTF8.GetBytes(text));
        }

        private void AddFaults(WebApplication app)
        {
            app.Use(async (context, next) =>
            {
                HttpResponse response = context.Response;
                switch (context.Request.Path.Value)
                {
                    case "/v3.3-5/error500/ovms3.bin":
                        response.StatusCode = 500;
                        return;
                    case "/v3.3-5/stall/ovms3.bin":
                        response.ContentLength = Image.Length;
                        await response.Body.WriteAsync(Image.AsMemory(0, 8192));
                        await response.Body.FlushAsync();
                        try
                        {
                            await Task.Delay(StallHoldMilliseconds, context.RequestAborted);
                        }
                        catch (TaskCanceledException)
                        {
                        }
                        context.Abort();
                        return;
                    case "/v3.3-5/short/ovms3.bin":
                        response.ContentLength = Image.Length;
                        await response.Body.WriteAsync(Image.AsMemory(0, 20000));
                        await response.Body.FlushAsync();
                        await Task.Delay(250);
                        context.Abort();
                        return;
                    case "/v3.3-5/garbage/ovms3.bin":
                        byte[] html = Encoding.ASCII.GetBytes(new string('<', 4000));
                        response.ContentLength = html.Length;
                        await response.Body.WriteAsync(html);
                        return;
                }
                await next(context);
            });
        }
    }
}
