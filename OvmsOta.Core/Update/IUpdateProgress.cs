namespace OvmsOta.Update
{
    /// <summary>Told after every block written: bytes so far and bytes expected (Content-Length or file size).</summary>
    public interface IUpdateProgress
    {
        void Report(int bytesSoFar, int bytesExpected);
    }
}
