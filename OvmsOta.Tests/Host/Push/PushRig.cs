using System;
using System.Net.Http;
using System.Net.Http.Headers;
using OvmsOta.Config;
using OvmsOta.Simulator.Module;
using OvmsOta.Simulator.UpdateServer;
using OvmsOta.Tests.Host.Sim;

namespace OvmsOta.Tests.Host.Push
{
    /// <summary>A simulated module on a fresh flash file with its push endpoint on a loopback port, and a client for it.</summary>
    public sealed class PushRig : IDisposable
    {
        public const string Secret = "0123456789abcdef-push";

        readonly TempFolder _folder = new TempFolder();

        public PushRig() : this(SimLayout.Modern)
        {
        }

        /// <summary>layout: a SimLayout name (SimLayout.Device for OvmsOta's own, which takes bundles).</summary>
        public PushRig(string layout)
        {
            Module = new SimulatedModule(FlashImageFile.OpenOrCreate(_folder.File("flash.bin"), layout, DemoTree.InitialVersion),
                new SimClock(true, new DateTime(2026, 1, 1, 12, 0, 0)), scripted: true);
            Module.PowerOn();
            Module.Configure(ConfigParams.PushSecret, Secret);
            Listener = PushListener.Start(0, Module.ServeHttp);
            Client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        }

        public SimulatedModule Module { get; }
        public PushListener Listener { get; }
        public HttpClient Client { get; }

        /// <summary>POSTs content to /update (plus query), with the secret as a bearer token unless secret is null.</summary>
        public (int Status, string Body) Post(HttpContent content, string secret = Secret, string query = "")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Listener.Url + query) { Content = content };
            if (secret != null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using HttpResponseMessage response = Client.Send(request);
            return ((int)response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }

        /// <summary>A form as curl -F sends it: commit_timeout (if given) first, the file last.</summary>
        public static MultipartFormDataContent Form(byte[] file, string commitTimeout = null)
        {
            var form = new MultipartFormDataContent();
            if (commitTimeout != null)
                form.Add(new StringContent(commitTimeout), "commit_timeout");
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", "ovms3.bin");
            return form;
        }

        public void Dispose()
        {
            Client.Dispose();
            Listener.Dispose();
            Module.Dispose();
            _folder.Dispose();
        }
    }
}
