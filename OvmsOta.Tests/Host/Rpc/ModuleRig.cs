using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OvmsOta.Config;
using OvmsOta.Simulator.Module;
using OvmsOta.Simulator.UpdateServer;
using OvmsOta.Tests.Host.Sim;

namespace OvmsOta.Tests.Host.Rpc
{
    /// <summary>
    /// A simulated module on a fresh flash file with its HTTP port (page, push, RPC) on loopback, the demo update server
    /// set as `ota server` (newer images for main, eap, edge), the secret configured, and a client. background: jobs
    /// (OTA.Update) on their own thread and a real clock, as the interactive simulator runs them; else inline and virtual.
    /// </summary>
    public sealed class ModuleRig : IDisposable
    {
        public const string Secret = "0123456789abcdef-rpc-secret";

        readonly TempFolder _folder = new TempFolder();

        public ModuleRig(bool background = false)
        {
            SimulatedModule module = null;
            Action<string> reboot = background ? _ => module.PowerOn() : null;
            module = new SimulatedModule(FlashImageFile.OpenOrCreate(_folder.File("flash.bin"), SimLayout.Modern, DemoTree.InitialVersion),
                new SimClock(!background, new DateTime(2026, 1, 1, 12, 0, 0)), scripted: !background, reboot);
            Module = module;
            Module.PowerOn();
            string serverDir = _folder.File("server");
            Directory.CreateDirectory(serverDir);
            DemoTree.Ensure(serverDir, Module.Module.Engine.Server.Product);
            Server = UpdateServerHost.Start(serverDir, "127.0.0.1:0");
            Module.Configure(ConfigParams.Server, Server.OtaServerValue);
            Module.Configure(ConfigParams.PushSecret, Secret);
            Listener = PushListener.Start(0, Module.ServeHttp);
            Client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        }

        public SimulatedModule Module { get; }
        public UpdateServerHost Server { get; }
        public PushListener Listener { get; }
        public HttpClient Client { get; }
        public string Folder => _folder.Path;

        /// <summary>The version the demo server announces for the default tag (main).</summary>
        public static string MainVersion => DemoTree.Channels[0].Version;

        /// <summary>POSTs body to /rpc/method (the secret as a bearer token unless null); returns status and JSON body.</summary>
        public (int Status, JsonElement Json, string Text) Rpc(string method, string body = "{}", string secret = Secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Listener.PageUrl + "rpc/" + method)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (secret != null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using HttpResponseMessage response = Client.Send(request);
            string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            JsonElement json = default;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
                json = JsonDocument.Parse(text).RootElement.Clone();
            return ((int)response.StatusCode, json, text);
        }

        /// <summary>An image of version on the demo server at /test/ovms3.bin; returns its URL.</summary>
        public string Publish(string version, int size = 200_000)
        {
            string dir = Path.Combine(Server.RootDirectory, "test");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "ovms3.bin"), DemoTree.Build(version, size));
            return Server.BaseUrl + "test/ovms3.bin";
        }

        /// <summary>Puts the module on trial: an RPC update of version, then a reset.</summary>
        public void OnTrial(string version = "3.3.006-9-gtrial001")
        {
            var (status, _, text) = Rpc("OTA.Update", "{\"url\":\"" + Publish(version) + "\"}");
            if (status != 200)
                throw new InvalidOperationException("the update did not start: " + text);
            WaitIdle();
            Module.PowerOn();
            if (Module.Watchdog == null || !Module.Watchdog.IsOnTrial)
                throw new InvalidOperationException("the module is not on trial after the update");
        }

        /// <summary>Waits (up to 60 s) until no RPC update runs.</summary>
        public void WaitIdle()
        {
            DateTime end = DateTime.UtcNow.AddSeconds(60);
            while (Module.Module.RpcUpdate.IsRunning)
            {
                if (DateTime.UtcNow > end)
                    throw new TimeoutException("the RPC update did not end within 60 s");
                System.Threading.Thread.Sleep(50);
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            Listener.Dispose();
            Server.Dispose();
            Module.Dispose();
            _folder.Dispose();
        }
    }
}
