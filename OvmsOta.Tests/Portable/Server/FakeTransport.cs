using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>Serves canned responses by absolute URL and records every request; unknown URLs refuse to connect.</summary>
    public sealed class FakeTransport : IHttpTransport
    {
        readonly Hashtable _responses = new Hashtable();

        public FakeTransport()
        {
            Requests = new ArrayList();
            Opened = new ArrayList();
        }

        /// <summary>Requested URLs, in order.</summary>
        public ArrayList Requests { get; private set; }

        /// <summary>Responses handed out, in order (to check they were disposed).</summary>
        public ArrayList Opened { get; private set; }

        public string LastUserAgent { get; private set; }
        public int LastTimeout { get; private set; }

        /// <summary>Serves a response for url; a redirect URL may be served more than once.</summary>
        public void Serve(string url, FakeResponse response)
        {
            _responses[url] = response;
        }

        public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds)
        {
            Requests.Add(url);
            LastUserAgent = userAgent;
            LastTimeout = timeoutMilliseconds;
            FakeResponse response = (FakeResponse)_responses[url];
            if (response == null)
                throw new IOException("Connection refused by " + url);
            Opened.Add(response);
            return response;
        }

        public bool AllDisposed()
        {
            foreach (FakeResponse response in Opened)
            {
                if (!response.Disposed)
                    return false;
            }
            return true;
        }
    }
}
