using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Server
{
    /// <summary>
    /// An update server that answers Range requests (206 with Content-Range and an ETag) from files it holds, or ignores
    /// them (200, whole file) when told to; its connections drop at the file offsets queued in <see cref="DropAt"/>, each
    /// once. It counts the body bytes it hands out, as a modem's data counter would.
    /// </summary>
    public sealed class RangeServer : IRangeHttpTransport
    {
        readonly Hashtable _files = new Hashtable();
        readonly Hashtable _etags = new Hashtable();
        readonly FakeClock _clock;
        readonly ArrayList _drops = new ArrayList();
        bool _refusing;
        string _replaceUrl;
        byte[] _replaceData;
        string _replaceEtag;

        public RangeServer(FakeClock clock)
        {
            _clock = clock;
            Requests = new ArrayList();
            ChunkSize = 4096;
        }

        /// <summary>"url" or "url bytes=first-last" per request, in order.</summary>
        public ArrayList Requests { get; private set; }

        /// <summary>Body bytes the responses carried (what a metered link pays for).</summary>
        public int BytesSent { get; private set; }

        /// <summary>Answers every request with 200 and the whole file, as a server without Range support does.</summary>
        public bool IgnoresRange { get; set; }

        public int ChunkSize { get; set; }

        /// <summary>After the next drop every request is refused (the link is gone for good).</summary>
        public bool RefuseAfterDrop { get; set; }

        /// <summary>Serves data at url (replacing what was there, with a new ETag: the image changed).</summary>
        public void Put(string url, byte[] data, string etag)
        {
            _files[url] = data;
            _etags[url] = etag;
        }

        /// <summary>The next response that reaches file offset at stops there (the connection closes).</summary>
        public void DropAt(int offset)
        {
            _drops.Add(offset);
        }

        /// <summary>Once the next drop happened, url serves data with etag (a new build published mid-download).</summary>
        public void ReplaceAfterNextDrop(string url, byte[] data, string etag)
        {
            _replaceUrl = url;
            _replaceData = data;
            _replaceEtag = etag;
        }

        public string Request(int index)
        {
            return (string)Requests[index];
        }

        public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds)
        {
            Requests.Add(url);
            return Answer(url, 0, -1, false);
        }

        public IHttpResponse GetRange(string url, string userAgent, int timeoutMilliseconds, int first, int last)
        {
            Requests.Add(url + " bytes=" + first.ToString() + "-" + (last < 0 ? string.Empty : last.ToString()));
            return Answer(url, first, last, !IgnoresRange);
        }

        IHttpResponse Answer(string url, int first, int last, bool ranged)
        {
            if (_refusing)
                throw new IOException("Connection refused by " + url);
            byte[] file = (byte[])_files[url];
            if (file == null)
                return new RangeResponse(404, 9, null, null, new ScriptedBody(new byte[9], _clock));
            string etag = (string)_etags[url];
            if (!ranged)
            {
                first = 0;
                last = file.Length - 1;
            }
            if (last < 0 || last >= file.Length)
                last = file.Length - 1;
            int length = last - first + 1;
            int sent = length;
            for (int i = 0; i < _drops.Count; i++)
            {
                int at = (int)_drops[i];
                if (at > first && at <= last)
                {
                    sent = at - first;
                    _drops.RemoveAt(i);
                    _refusing = RefuseAfterDrop;
                    if (_replaceUrl != null)
                    {
                        Put(_replaceUrl, _replaceData, _replaceEtag);
                        _replaceUrl = null;
                    }
                    break;
                }
            }
            byte[] body = new byte[sent];
            System.Array.Copy(file, first, body, 0, sent);
            BytesSent += sent;
            ScriptedBody scripted = new ScriptedBody(body, _clock);
            scripted.ChunkSize = ChunkSize;
            if (!ranged)
                return new RangeResponse(200, length, null, etag, scripted);
            string range = "bytes " + first.ToString() + "-" + last.ToString() + "/" + file.Length.ToString();
            return new RangeResponse(206, length, range, etag, scripted);
        }
    }
}
