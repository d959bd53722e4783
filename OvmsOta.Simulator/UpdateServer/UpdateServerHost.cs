using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace OvmsOta.Simulator.UpdateServer;

/// <summary>
/// An OVMS-style update server: Kestrel serving a folder tree (&lt;product&gt;/&lt;tag&gt;/ovms3.bin and .ver)
/// as static files, .bin as application/octet-stream and .ver as text/plain, nothing else, no directory
/// listings. Used by `ovmsota serve`, the simulator and tests (port 0 picks a free port).
/// </summary>
public sealed class UpdateServerHost : IDisposable
{
    /// <summary>Where `ovmsota serve` listens unless told otherwise: loopback only.</summary>
    public const string DefaultBind = "127.0.0.1:8080";

    readonly WebApplication _app;

    UpdateServerHost(WebApplication app, IPEndPoint endPoint, string root)
    {
        _app = app;
        EndPoint = endPoint;
        RootDirectory = root;
    }

    /// <summary>The address and port actually bound (the real port when 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    public string RootDirectory { get; }

    /// <summary>Cancelled when the server begins to stop (Ctrl+C or SIGTERM reach it through the host's console lifetime).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>The value for the module's config "ota server": host:port, no scheme, as OVMS's default is.</summary>
    public string OtaServerValue => FormatHostPort(EndPoint);

    /// <summary>http://host:port/, for people and for tests.</summary>
    public string BaseUrl => "http://" + OtaServerValue + "/";

    /// <summary>Parses "ADDR:PORT" (IPv4, or [IPv6]:PORT); refuses host names so it binds only where told.</summary>
    public static IPEndPoint ParseBind(string bind)
    {
        if (!IPEndPoint.TryParse(bind, out var endPoint) || !bind.Contains(':'))
            throw new ArgumentException("Bind address \"" + bind + "\" is not ADDR:PORT with a numeric address (e.g. "
                + DefaultBind + ", or 0.0.0.0:8080 for every interface)");
        return endPoint;
    }

    /// <summary>
    /// Starts serving root on bind and returns once listening. beforeFiles, when given, is added to the
    /// pipeline ahead of the static files (tests add fault endpoints there).
    /// </summary>
    public static UpdateServerHost Start(string root, string bind = DefaultBind, Action<WebApplication>? beforeFiles = null)
    {
        string fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
            throw new DirectoryNotFoundException("Update server folder " + fullRoot + " does not exist");
        IPEndPoint requested = ParseBind(bind);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = fullRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(requested));
        var app = builder.Build();
        beforeFiles?.Invoke(app);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(fullRoot),
            ContentTypeProvider = ContentTypes(),
            ServeUnknownFileTypes = false,
        });
        app.StartAsync().GetAwaiter().GetResult();
        return new UpdateServerHost(app, BoundEndPoint(app, requested), fullRoot);
    }

    public void Stop()
    {
        _app.StopAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Stop();
        ((IDisposable)_app).Dispose();
    }

    static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".bin"] = "application/octet-stream",
            [".zip"] = "application/zip",
            [".ver"] = "text/plain",
            // The gzip copy is served as bytes, not with Content-Encoding: the module inflates it itself.
            [".gz"] = "application/gzip",
        };
        return new FileExtensionContentTypeProvider(types);
    }

    // With port 0 Kestrel picks the port; its address feature says which.
    static IPEndPoint BoundEndPoint(WebApplication app, IPEndPoint requested)
    {
        if (requested.Port != 0)
            return requested;
        string address = app.Urls.First();
        var uri = new Uri(address);
        return new IPEndPoint(requested.Address, uri.Port);
    }

    static string FormatHostPort(IPEndPoint endPoint)
    {
        string host = endPoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? "[" + endPoint.Address + "]"
            : endPoint.Address.ToString();
        return host + ":" + endPoint.Port;
    }
}
