using OvmsOta.Flash;
using OvmsOta.Image;
using OvmsOta.Partitions;
using OvmsOta.Ports;

namespace OvmsOta.Update
{
    /// <summary>
    /// Re-verifies the part of an image an interrupted update left in its slot, from flash, never from a record: the
    /// bytes are read through the work buffer and fed to the streaming validator, as if they arrived again. Byte 0 was
    /// held back (0xFF) and is fed as the magic 0xE9; the first bytes must be the image's head as the server sends it
    /// now (the same app header). Whatever a torn write left there reaches the validator's checksum and SHA-256 at End.
    /// </summary>
    static class SlotReplay
    {
        /// <summary>Feeds [target, target + length) to validator; throws UpdateException (NothingChanged) when it cannot be kept.</summary>
        public static void Feed(IFlash flash, PartitionEntry target, int length, byte[] head, int headLength, ImageValidator validator,
            byte[] buffer)
        {
            int done = 0;
            while (done < length)
            {
                int n = length - done < buffer.Length ? length - done : buffer.Length;
                try
                {
                    flash.Read(target.Offset + done, buffer, 0, n);
                }
                catch (FlashException e)
                {
                    throw Refused(target, "reading it failed: " + e.Message, e);
                }
                if (done == 0)
                {
                    if (buffer[0] != FlashGeometry.Erased)
                        throw Refused(target, "its byte 0 is 0x" + buffer[0].ToString("x2") + ", not the held-back 0xff", null);
                    buffer[0] = ImageFormat.Magic;
                }
                CheckHead(target, done, n, buffer, head, headLength);
                try
                {
                    validator.Feed(buffer, 0, n);
                }
                catch (ImageException e)
                {
                    throw Refused(target, "its bytes are not a valid image start: " + e.Message, e);
                }
                done += n;
            }
        }

        // At most 0x120 bytes compared once per resume: a plain loop is fine on the device.
        static void CheckHead(PartitionEntry target, int done, int n, byte[] buffer, byte[] head, int headLength)
        {
            for (int i = done; i < done + n && i < headLength; i++)
            {
                if (buffer[i - done] != head[i])
                    throw Refused(target, "it holds the start of another image (byte " + i.ToString() + " differs)", null);
            }
        }

        static UpdateException Refused(PartitionEntry target, string why, System.Exception inner)
        {
            return new UpdateException("Cannot resume the update in " + target.Label + ": " + why, inner, true);
        }
    }
}
