using System.IO;
using System.Text;

namespace OvmsOta.Push
{
    /// <summary>One HTTP/1.1 response on a connection that then closes: the push endpoint's, the RPC's and the web page's.</summary>
    public static class HttpAnswer
    {
        public const string PlainText = "text/plain";
        public const string Json = "application/json";
        public const string Html = "text/html; charset=utf-8";

        /// <summary>Writes status line, headers and body; a client that went away is not an error (nobody to tell).</summary>
        public static void Write(Stream connection, int status, string contentType, byte[] body)
        {
            string head = "HTTP/1.1 " + status.ToString() + " " + PushStatus.Reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.Length.ToString() + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Connection: close\r\n\r\n";
            try
            {
                byte[] headBytes = Encoding.UTF8.GetBytes(head);
                connection.Write(headBytes, 0, headBytes.Length);
                connection.Write(body, 0, body.Length);
                connection.Flush();
            }
            catch (IOException)
            {
                // The client is gone; there is nobody to tell.
            }
        }
    }
}
