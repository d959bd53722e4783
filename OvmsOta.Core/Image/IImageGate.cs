namespace OvmsOta.Image
{
    /// <summary>
    /// A check of what an image is, run by <see cref="ImageValidator"/> as soon as the header and the app description
    /// have streamed past (the first 0x120 bytes), before a writer erases or writes anything for them. The automatic
    /// update's gate refuses an image that is not the version the update server announced.
    /// </summary>
    public interface IImageGate
    {
        /// <summary>Throws <see cref="ImageException"/> (with an error that is <see cref="ImageError.NotForThisUpdate"/>) to refuse.</summary>
        void Check(ImageHeader header, AppDescription description);
    }
}
