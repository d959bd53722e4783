using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OvmsOta.Simulator.UpdateServer;

namespace OvmsOta.Tests.Host.Server
{
    /// <summary>
    /// A real Kestrel update server on 127.0.0.1 (free port) over a temporary OVMS tree, plus fault
    /// endpoints under /fault/. Every fault ends by itself: stalls are bounded delays.
    /// </summary>
    public sealed class FaultServer : IDisposable
    {
        public const int ImageLength = 5000;
        public const string EdgeVersion = "3.3.006-275-g85074a0ae";
        public const string MainVersion = "3.3.006";

        /// <summary>How long the stalling endpoints hold back: several stall timeouts of the tests, bounded.</summary>
        public const int StallHoldMilliseconds = 3000;

        readonly string _root;

        public FaultServer()
        {
            _root = Path.Combine(Path.GetTempPath(), "ovmsota-server-" + Guid.NewGuid().ToString("N"));
            Image = Pattern(ImageLength);
            Write("v3.3-5/edge/ovms3.bin", Image);
            Write("v3.3-5/edge/ovms3.ver", Encoding.UTF8.GetBytes(EdgeVersion + "\nFixed the thing\nAdded another\n"));
            Write("v3.3-5/main/ovms3.ver", Encoding.UTF8.GetBytes(MainVersion + "\r\nRelease notes\r\n"));
            Write("v3.3-5/main/notes.txt", Encoding.UTF8.GetBytes("not an OVMS file"));
            Host = UpdateServerHost.Start(_root, "127.0.0.1:0", AddFaults);
        }

        public UpdateServerHost Host { get; }

        public byte[] Image { get; }

        /// <summary>Scheme-less URL, as OVMS builds them from "ota server".</summary>
        public string Url(string path) => Host.OtaServerValue + "/" + path;

        public void Dispose()
        {
            Host.Dispose();
            Directory.Delete(_root, true);
        }

        void AddFaults(WebApplication app)
        {
            app.Use(async (context, next) =>
            {
                HttpResponse response = context.Response;
                switch (context.Request.Path.Value)
                {
                    case "/fault/500":
                        response.StatusCode = 500;
                        return;
                    case "/fault/redirect":
                        response.Redirect(Host.BaseUrl + "v3.3-5/edge/ovms3.bin");
                        return;
                    case "/v3.3-5/edge/relative.bin":
                        response.Redirect("ovms3.bin");
                        return;
                    case "/fault/root-relative":
                        response.Redirect("/v3.3-5/edge/ovms3.bin");
                        return;
                    case "/fault/loop":
                        response.Redirect("/fault/loop");
                        return;
                    case "/fault/nolength":
                        // No Content-Length: Kestrel sends the body chunked.
                        await response.Body.WriteAsync(Image);
                        return;
                    case "/fault/short":
                        response.ContentLength = ImageLength;
                        await response.Body.WriteAsync(Image.AsMemory(0, 2000));
                        await response.Body.FlushAsync();
                        // Give the client time to take the head and the 2000 bytes: an abort resets the
                        // connection, and a reset discards whatever it had not read yet.
                        await Task.Delay(250);
                        context.Abort();
                        return;
                    case "/fault/stall":
                        response.ContentLength = ImageLength;
                        await response.Body.WriteAsync(Image.AsMemory(0, 1000));
                        await response.Body.FlushAsync();
                        await HoldBack(context);
                        context.Abort();
                        return;
                    case "/fault/stall-headers":
                        await HoldBack(context);
                        response.StatusCode = 500;
                        return;
                    default:
                        await next(context);
                        return;
                }
            });
        }

        static async Task HoldBack(HttpContext context)
        {
            try
            {
                await Task.Delay(StallHoldMilliseconds, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }

        void Write(string path, byte[] bytes)
        {
            string file = Path.Combine(_root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file));
            File.WriteAllBytes(file, bytes);
        }

        public static byte[] Pattern(int length)
        {
            var data = new byte[length];
            for (int i = 0; i < length; i++)
                data[i] = (byte)(i * 13 + (i >> 8));
            return data;
        }
    }
}
