namespace OvmsOta.UpdateServer
{
    /// <summary>What went wrong with a request to the update server, so callers can decide on a retry.</summary>
    public enum DownloadError
    {
        /// <summary>The URL is not http://, https:// or scheme-less.</summary>
        BadUrl,
        /// <summary>Connect, DNS, TLS, request or header read failed (OVMS: "Request failed").</summary>
        RequestFailed,
        /// <summary>Too many redirects, or a redirect without a Location.</summary>
        BadRedirect,
        /// <summary>A status other than 200.</summary>
        HttpStatus,
        /// <summary>Content-Length missing or below the minimum image size.</summary>
        InvalidLength,
        /// <summary>The body ended before Content-Length bytes.</summary>
        Truncated,
        /// <summary>The server sent more bytes than its Content-Length.</summary>
        Surplus,
        /// <summary>No data within the stall timeout.</summary>
        Stalled,
        /// <summary>The whole transfer took longer than the overall timeout.</summary>
        TimedOut,
        /// <summary>A text response (.ver) larger than allowed.</summary>
        TooLarge,
        /// <summary>A .ver file without a line end.</summary>
        BadVersionFile,
        /// <summary>A 206 whose Content-Range is missing, malformed or not the part asked for.</summary>
        BadRange,
        /// <summary>The compressed image (ovms3.bin.gz) does not inflate, or inflates to another length.</summary>
        BadCompression,
        /// <summary>A resumed download gave up after its retries.</summary>
        RetriesExhausted,
    }
}
