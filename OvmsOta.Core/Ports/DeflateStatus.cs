namespace OvmsOta.Ports
{
    /// <summary>Where a deflate stream stands after <see cref="IDeflateDecoder.Decode"/> (tinfl's statuses).</summary>
    public enum DeflateStatus
    {
        /// <summary>Every input byte was taken and the stream has not ended: feed more.</summary>
        NeedsInput = 1,

        /// <summary>The output filled; more may be waiting: call again with room (and the input not taken).</summary>
        HasMoreOutput = 2,

        /// <summary>The final block ended; consumed stops at its last byte.</summary>
        Done = 0,

        /// <summary>The input is not deflate data (bad block type, bad code lengths, a distance past the window's start).</summary>
        Corrupt = -1,
    }
}
