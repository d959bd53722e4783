// Reference model of nanoframework/System.IO.Streams, tag v1.1.96, System.IO.Streams/SeekOrigin.cs.
namespace System.IO
{
    [Serializable]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}
