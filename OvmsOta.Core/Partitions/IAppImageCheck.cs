namespace OvmsOta.Partitions
{
    /// <summary>
    /// Whether an app partition holds an image the bootloader would load (esp_image_verify: header, checksum,
    /// SHA-256). The image validator implements it; boot-slot decisions take it so they never point at garbage.
    /// </summary>
    public interface IAppImageCheck
    {
        bool HasValidImage(PartitionEntry slot);
    }
}
