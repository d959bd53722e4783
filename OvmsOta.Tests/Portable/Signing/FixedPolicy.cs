using OvmsOta.Signing;

namespace OvmsOta.Tests.Portable.Signing
{
    /// <summary>A signing policy that stays as set (the engine reads config instead).</summary>
    public sealed class FixedPolicy : ISigningPolicySource
    {
        public SigningPolicy Policy;

        public FixedPolicy(SigningPolicy policy)
        {
            Policy = policy;
        }

        public SigningPolicy Current { get { return Policy; } }
    }
}
