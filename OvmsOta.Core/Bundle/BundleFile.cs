namespace OvmsOta.Bundle
{
    /// <summary>Where bundles live on an update server: beside OVMS's image, &lt;product&gt;/&lt;tag&gt;/fw.zip.</summary>
    public static class BundleFile
    {
        public const string Name = "fw.zip";
    }
}
