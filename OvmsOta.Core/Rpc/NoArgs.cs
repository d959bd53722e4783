namespace OvmsOta.Rpc
{
    /// <summary>The arguments of a method that takes none: a body, when sent, must still be a JSON object.</summary>
    public sealed class NoArgs
    {
    }
}
