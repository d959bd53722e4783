using System;
using System.Net;
using OvmsOta.Ports;
using OvmsOta.UpdateServer;

// WebRequest.Create is obsolete on .NET (SYSLIB0014), where the host check compiles this file; on nanoFramework it
// is the way to an HttpWebRequest.
#pragma warning disable SYSLIB0014

namespace OvmsOta.Firmware.Http
{
    /// <summary>
    /// Core's <see cref="IHttpTransport"/> on nanoFramework: one GET through HttpWebRequest, returning after the
    /// headers, the body left on the network stream for the caller to read into its fixed buffer.
    ///
    /// Why HttpWebRequest and not HttpClient (which nanoFramework implements on top of it): in the API lists,
    /// HttpClient's response headers expose nothing but Add (no Location, so no redirect could be followed), and
    /// HttpContent.ReadAsStream buffers the whole body of a network response. HttpWebRequest gives the status,
    /// Content-Length, GetResponseHeader("Location") and the unbuffered response stream.
    ///
    /// No redirects are followed here (nanoFramework cannot; HttpFetcher does). Timeout bounds connecting and the
    /// headers (DNS alone can take 15 s), ReadWriteTimeout each wait for body data. HTTPS: the server is checked
    /// against the CA certificates in the device's configuration store (uploaded with nanoff --networkdeployment or
    /// Device Explorer), which nanoFramework loads into every TLS context; SNTP must have set the clock first, since
    /// certificate dates are checked. Not run on this machine.
    /// </summary>
    public sealed class DeviceHttpTransport : IRangeHttpTransport
    {
        public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds)
        {
            return Send(url, userAgent, timeoutMilliseconds, -1, -1);
        }

        /// <summary>HttpWebRequest.AddRange writes "Range: bytes=first-" (or "bytes=first-last").</summary>
        public IHttpResponse GetRange(string url, string userAgent, int timeoutMilliseconds, int first, int last)
        {
            return Send(url, userAgent, timeoutMilliseconds, first, last);
        }

        private static IHttpResponse Send(string url, string userAgent, int timeoutMilliseconds, int first, int last)
        {
            if (url == null)
                throw new ArgumentNullException("url");
            HttpWebRequest request = (HttpWebRequest)WebRequest.Create(url);
            request.Method = "GET";
            request.KeepAlive = false;
            request.Timeout = timeoutMilliseconds;
            request.ReadWriteTimeout = timeoutMilliseconds;
            if (userAgent != null)
                request.UserAgent = userAgent;
            if (first >= 0 && last >= first)
                request.AddRange(first, last);
            else if (first >= 0)
                request.AddRange(first);
            // nanoFramework returns non-2xx responses here rather than throwing; HttpFetcher judges the status.
            HttpWebResponse response = (HttpWebResponse)request.GetResponse();
            try
            {
                return new DeviceHttpResponse(response);
            }
            catch (Exception)
            {
                response.Dispose();
                throw;
            }
        }
    }
}
