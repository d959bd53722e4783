namespace OvmsOta.Boot
{
    /// <summary>Healthy when every check is (in order, stopping at the first that is not); no checks = healthy.</summary>
    public sealed class AllHealthChecks : IHealthCheck
    {
        private readonly IHealthCheck[] _checks;
        private string _failing;

        public AllHealthChecks(IHealthCheck[] checks)
        {
            _checks = checks ?? new IHealthCheck[0];
        }

        public string Name { get { return "all of " + _checks.Length.ToString() + " checks"; } }

        /// <summary>The name of the check that failed last time, or null.</summary>
        public string Failing { get { return _failing; } }

        public bool IsHealthy()
        {
            foreach (IHealthCheck check in _checks)
                if (!check.IsHealthy())
                {
                    _failing = check.Name;
                    return false;
                }
            _failing = null;
            return true;
        }
    }
}
