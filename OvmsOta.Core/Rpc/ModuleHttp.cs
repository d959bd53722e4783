using System.IO;
using System.Text;
using OvmsOta.Push;

namespace OvmsOta.Rpc
{
    /// <summary>
    /// The module's one HTTP port: reads a request's head and hands it on: `POST /update` to the push endpoint,
    /// `/rpc/&lt;method&gt;` to the RPC, `GET /` to the web page (<see cref="WebPage"/>); anything else is 404. One
    /// request per connection, through the push endpoint's buffer, as the push endpoint alone served it before.
    /// </summary>
    public sealed class ModuleHttp
    {
        public const string PagePath = "/";
        public const string PageAlias = "/index.html";

        private readonly PushEndpoint _push;
        private readonly RpcEndpoint _rpc;
        private readonly byte[] _buffer;

        /// <summary>buffer: the push endpoint's buffer (the one buffer of the connection); rpc null: the build binds no JSON codec.</summary>
        public ModuleHttp(PushEndpoint push, RpcEndpoint rpc, byte[] buffer)
        {
            _push = push;
            _rpc = rpc;
            _buffer = buffer;
        }

        /// <summary>Serves one request; returns the HTTP status sent.</summary>
        public int Handle(Stream connection)
        {
            RequestInput input = new RequestInput(connection, _buffer);
            RequestHead head;
            try
            {
                head = RequestHead.Read(input);
            }
            catch (PushException e)
            {
                return Text(connection, e.Status, e.Message);
            }
            catch (IOException e)
            {
                return Text(connection, PushStatus.BadRequest, "Error: request aborted (" + e.Message + ")");
            }
            if (head.Path == PushEndpoint.UpdatePath)
                return _push.Handle(connection, input, head);
            if (head.Path.StartsWith(RpcEndpoint.PathPrefix))
            {
                if (_rpc == null)
                    return Text(connection, PushStatus.InternalError, "Error: RPC is not available: this module binds no JSON codec");
                return _rpc.Handle(connection, input, head);
            }
            if (head.Path == PagePath || head.Path == PageAlias)
            {
                if (head.Method != "GET")
                    return Text(connection, PushStatus.MethodNotAllowed, "Error: the page takes GET");
                HttpAnswer.Write(connection, PushStatus.Ok, HttpAnswer.Html, WebPage.Bytes);
                return PushStatus.Ok;
            }
            return Text(connection, PushStatus.NotFound, "Error: not found (the module serves /, POST " + PushEndpoint.UpdatePath
                + " and POST " + RpcEndpoint.PathPrefix + "<method>)");
        }

        private static int Text(Stream connection, int status, string text)
        {
            HttpAnswer.Write(connection, status, HttpAnswer.PlainText, Encoding.UTF8.GetBytes(text + "\n"));
            return status;
        }
    }
}
