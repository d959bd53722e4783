namespace OvmsOta.Rpc
{
    /// <summary>What an RPC that changes something answers: done (or started), what it said, the slot concerned.</summary>
    public sealed class ActionReply
    {
        public bool ok { get; set; }
        public string message { get; set; }
        public string slot { get; set; }

        public static ActionReply Of(string message, string slot)
        {
            ActionReply reply = new ActionReply();
            reply.ok = true;
            reply.message = message;
            reply.slot = slot;
            return reply;
        }
    }
}
