// Reference model of nanoframework/System.Text, tag v1.3.42, nanoFramework.System.Text/Text/Decoder.cs.
namespace System.Text
{
    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount,
            char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed);
    }
}
