namespace OvmsOta.Signing
{
    /// <summary>Where the updater gets the policy at the start of each update (the engine reads it from config).</summary>
    public interface ISigningPolicySource
    {
        /// <summary>The policy now; never null.</summary>
        SigningPolicy Current { get; }
    }
}
