using FsCheck;
using FsCheck.Fluent;
using OvmsOta.Push;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>
/// A whole push request through PushEndpoint.Handle: head, authorization, multipart body (MultipartReader), fields and
/// the file part, into a recording target. Handle answers every request with a status and never throws; an answer
/// other than 200 must leave no session ended, and a 200 must have ended one with exactly the announced bytes.
/// </summary>
public sealed class PushTarget : FuzzTarget
{
    const string Secret = "0123456789abcdef0123";

    public override string Name => "push-multipart";
    public override string Description => "push request with multipart body (PushEndpoint.Handle: RequestHead, MultipartReader, fields)";
    public override Type[] AllowedErrors => [];
    public override int MaxInputLength => 16384;

    public override IReadOnlyList<byte[]> Seeds() =>
    [
        Request("XyZ", Part("XyZ", "commit_timeout", null, "120") + Part("XyZ", "file", "ovms3.bin", new string('i', 1100)), ""),
        Request("b", Part("b", "file", "f.bin", "abc"), "?size=3"),
        Request("----WebKitFormBoundary7MA4YWxkTrZu0gW", Part("----WebKitFormBoundary7MA4YWxkTrZu0gW", "file", "a", "\r\n--x\r\n"), ""),
    ];

    public override Gen<string>? Grammar
    {
        get
        {
            string[] words = [.. PushHeadTarget.Words, "--", "XyZ", "Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"",
                "name=\"commit_timeout\"", "Content-Length: 3", "abc", Secret];
            return TextGrammar.Tokens(words, 60).Select(body =>
                "POST /update HTTP/1.1\r\nAuthorization: Bearer " + Secret + "\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
                + System.Text.Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body);
        }
    }

    public override void Execute(byte[] input)
    {
        var target = new RecordingTarget();
        var connection = new ChunkedStream(input);
        int status = new PushEndpoint(target, Secret, new byte[PushEndpoint.DefaultBufferSize]).Handle(connection);
        if (connection.Written == 0)
            throw new FuzzPropertyException("always answers", "no response was written (status " + status + ")");
        RecordingSession? session = target.Session;
        if (session?.Misuse != null)
            throw new FuzzPropertyException("session use", session.Misuse);
        if (status == PushStatus.Ok && (session == null || !session.Ended || session.Received != session.Size))
            throw new FuzzPropertyException("200 means flashed", "200 without an ended session holding the announced bytes");
        if (status != PushStatus.Ok && session != null && (session.Ended || !session.Aborted))
            throw new FuzzPropertyException("error means aborted", "status " + status + " but the session was " + (session.Ended ? "ended" : "left open"));
    }

    static string Part(string boundary, string name, string? file, string content) =>
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"" + (file == null ? "" : "; filename=\"" + file + "\"")
        + "\r\n\r\n" + content + "\r\n";

    static byte[] Request(string boundary, string parts, string query)
    {
        string body = parts + "--" + boundary + "--\r\n";
        return FuzzSeeds.Text("POST /update" + query + " HTTP/1.1\r\nAuthorization: Bearer " + Secret + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary + "\r\nContent-Length: " + body.Length + "\r\n\r\n" + body);
    }

    sealed class RecordingTarget : IPushTarget
    {
        public RecordingSession? Session;
        public int Capacity => 0x400000;

        public IPushSession Begin(int imageSize) => Session = new RecordingSession(imageSize);
    }

    sealed class RecordingSession(int size) : IPushSession
    {
        public readonly int Size = size;
        public long Received;
        public bool Ended, Aborted;
        public string? Misuse;

        public void Write(byte[] buffer, int offset, int count)
        {
            // Recorded, not thrown: the endpoint turns a session's exception into a 500.
            if (Ended || Aborted)
                Misuse ??= "a write after the session ended";
            if (offset < 0 || count < 0 || offset + count > buffer.Length)
                Misuse ??= "a write outside the buffer";
            Received += count;
        }

        public string End(int commitTimeoutSeconds)
        {
            Ended = true;
            return "ota_1";
        }

        public void Abort() => Aborted = true;
    }
}
