namespace OvmsOta.Rpc
{
    /// <summary>The inside of <see cref="RpcError"/>: the HTTP status and a message an owner can act on.</summary>
    public sealed class RpcErrorBody
    {
        public int code { get; set; }
        public string message { get; set; }
    }
}
