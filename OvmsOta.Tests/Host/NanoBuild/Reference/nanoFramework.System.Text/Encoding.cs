// Reference model of nanoframework/System.Text, tag v1.3.42, nanoFramework.System.Text/Text/Encoding.cs:
// the public surface as declared there, bodies throw. Note what is missing next to .NET: GetString(byte[]),
// GetByteCount, ASCII, Unicode.
namespace System.Text
{
    [Serializable]
    public abstract class Encoding
    {
        public virtual byte[] GetBytes(string s) => throw null;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public virtual char[] GetChars(byte[] bytes) => throw null;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
        public abstract Decoder GetDecoder();
        public static Encoding UTF8 => throw null;
    }
}
