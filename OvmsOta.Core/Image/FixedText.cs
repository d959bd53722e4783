using System;

namespace OvmsOta.Image
{
    /// <summary>NUL-terminated text in a fixed-size field (char version[32] and the like); ASCII, as ESP-IDF writes it.</summary>
    public static class FixedText
    {
        /// <summary>The text of field[offset, offset + size) up to its first NUL.</summary>
        public static string Read(byte[] bytes, int offset, int size)
        {
            int length = 0;
            while (length < size && bytes[offset + length] != 0)
                length++;
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
                text[i] = (char)bytes[offset + i];
            return new string(text);
        }

        /// <summary>Writes text NUL-padded into a field of size bytes; it must leave room for the terminating NUL.</summary>
        public static void Write(byte[] bytes, int offset, int size, string text)
        {
            if (text.Length >= size)
                throw new ArgumentException("\"" + text + "\" is " + text.Length.ToString() + " characters; the field holds at most " + (size - 1).ToString());
            Array.Clear(bytes, offset, size);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~')
                    throw new ArgumentException("\"" + text + "\" has a character outside printable ASCII at index " + i.ToString());
                bytes[offset + i] = (byte)c;
            }
        }
    }
}
