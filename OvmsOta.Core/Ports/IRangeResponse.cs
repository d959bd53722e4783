namespace OvmsOta.Ports
{
    /// <summary>
    /// The headers of a response that say which bytes of which version of a resource it carries, as sent (the
    /// engine parses them, so the device and the host read them the same way). null when absent.
    /// </summary>
    public interface IRangeResponse : IHttpResponse
    {
        /// <summary>Content-Range ("bytes 0-287/1048576") of a 206, or null.</summary>
        string ContentRange { get; }

        /// <summary>ETag, or null.</summary>
        string ETag { get; }

        /// <summary>Last-Modified, or null.</summary>
        string LastModified { get; }
    }
}
