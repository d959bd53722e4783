namespace OvmsOta.UpdateServer
{
    /// <summary>
    /// Which image a download is: its URL, its length and the validators the server gave (ETag, Last-Modified; null
    /// when not sent). Bytes already received count only for the same identity: a resumed download whose server now
    /// names another length or validator starts again at byte 0.
    /// </summary>
    public sealed class ImageIdentity
    {
        public ImageIdentity(string url, int length, string etag, string lastModified)
        {
            Url = url;
            Length = length;
            ETag = etag;
            LastModified = lastModified;
        }

        public string Url { get; private set; }
        public int Length { get; private set; }
        public string ETag { get; private set; }
        public string LastModified { get; private set; }

        /// <summary>Same URL and length, and the same ETag and Last-Modified where both sides have one.</summary>
        public bool SameAs(ImageIdentity other)
        {
            return other != null && Url == other.Url && SameVersionOf(other.Length, other.ETag, other.LastModified);
        }

        /// <summary>A response for this URL describes the same bytes: same length, same validators where both have one.</summary>
        public bool SameVersionOf(int length, string etag, string lastModified)
        {
            return Length == length && Agree(ETag, etag) && Agree(LastModified, lastModified);
        }

        static bool Agree(string mine, string theirs)
        {
            return mine == null || theirs == null || mine == theirs;
        }
    }
}
