namespace OvmsOta.Rpc
{
    /// <summary>An RPC's failure as JSON: {"error":{"code":409,"message":"..."}} (code = the HTTP status sent with it).</summary>
    public sealed class RpcError
    {
        // Property names are the JSON names (IJsonCodec takes them as they are): lower case, as Mongoose OS spells them.
        public RpcErrorBody error { get; set; }

        public static RpcError Of(int status, string message)
        {
            RpcError e = new RpcError();
            e.error = new RpcErrorBody();
            e.error.code = status;
            e.error.message = message;
            return e;
        }
    }
}
