using System.Text;

namespace OvmsOta.Tests.Portable.Push
{
    /// <summary>Builds raw push requests the way curl -F and browsers send them.</summary>
    public sealed class PushRequest
    {
        public const string Boundary = "------------------------d74496d66958873e";
        readonly ByteBuffer _body = new ByteBuffer();

        public PushRequest()
        {
            Method = "POST";
            Target = "/update";
            Secret = "s3cret-push";
            ContentType = "multipart/form-data; boundary=" + Boundary;
        }

        public string Method { get; set; }
        public string Target { get; set; }
        /// <summary>Sent as Authorization: Bearer; null sends no Authorization header.</summary>
        public string Secret { get; set; }
        public string ContentType { get; set; }
        /// <summary>Sent as Content-Length unless OmitLength; -1 sends the body's real length.</summary>
        public int ContentLength { get; set; }
        public bool OmitLength { get; set; }
        public string ExtraHeaders { get; set; }

        public PushRequest Field(string name, string value)
        {
            return Part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", Encoding.UTF8.GetBytes(value));
        }

        public PushRequest File(byte[] image)
        {
            return Part("Content-Disposition: form-data; name=\"file\"; filename=\"ovms3.bin\"\r\nContent-Type: application/octet-stream\r\n", image);
        }

        public PushRequest Part(string headers, byte[] content)
        {
            Append("--" + Boundary + "\r\n" + headers + "\r\n");
            _body.Write(content, 0, content.Length);
            Append("\r\n");
            return this;
        }

        public PushRequest Close()
        {
            Append("--" + Boundary + "--\r\n");
            return this;
        }

        public PushRequest Raw(byte[] bytes)
        {
            _body.Write(bytes, 0, bytes.Length);
            return this;
        }

        public byte[] Bytes()
        {
            byte[] body = _body.ToArray();
            StringBuilder head = new StringBuilder();
            head.Append(Method + " " + Target + " HTTP/1.1\r\nHost: 192.168.4.1\r\n");
            if (Secret != null)
                head.Append("Authorization: Bearer " + Secret + "\r\n");
            if (ContentType != null)
                head.Append("Content-Type: " + ContentType + "\r\n");
            if (!OmitLength)
                head.Append("Content-Length: " + (ContentLength > 0 ? ContentLength : body.Length).ToString() + "\r\n");
            if (ExtraHeaders != null)
                head.Append(ExtraHeaders);
            head.Append("\r\n");
            ByteBuffer all = new ByteBuffer();
            all.Write(Encoding.UTF8.GetBytes(head.ToString()));
            all.Write(body);
            return all.ToArray();
        }

        void Append(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            _body.Write(bytes, 0, bytes.Length);
        }

        /// <summary>Bytes that look like a delimiter's start in places: the scanner must not be fooled.</summary>
        public static byte[] TrickyImage(int length)
        {
            byte[] image = new byte[length];
            uint state = 0x12345678;
            for (int i = 0; i < length; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                image[i] = (byte)state;
            }
            image[0] = 0xE9;
            byte[] near = Encoding.UTF8.GetBytes("\r\n--" + Boundary.Substring(0, Boundary.Length - 1) + "x");
            for (int at = 100; at + near.Length < length; at += 997)
                System.Array.Copy(near, 0, image, at, near.Length - (at % 7));
            if (length > 2)
            {
                image[length - 2] = (byte)'\r';
                image[length - 1] = (byte)'\n';
            }
            return image;
        }
    }
}
