// Reference model of nanoframework/System.Text, tag v1.3.42, nanoFramework.System.Text/Text/UTF8Encoding.cs.
namespace System.Text
{
    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() => throw null;
        public override byte[] GetBytes(string s) => throw null;
        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public override char[] GetChars(byte[] bytes) => throw null;
        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public override Decoder GetDecoder() => throw null;
    }
}
