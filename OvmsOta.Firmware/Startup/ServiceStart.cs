using System.Threading;

namespace OvmsOta.Firmware.Startup
{
    /// <summary>
    /// One service of the module (a tick, the network watch, a server) and how to start it; the start may throw.
    /// Counts its attempts and remembers whether one succeeded, for <see cref="ServiceStarter"/>.
    /// </summary>
    public sealed class ServiceStart
    {
        private readonly string _name;
        private readonly ThreadStart _start;
        private int _attempts;
        private bool _started;

        public ServiceStart(string name, ThreadStart start)
        {
            _name = name;
            _start = start;
        }

        public string Name { get { return _name; } }

        public int Attempts { get { return _attempts; } }

        public bool Started { get { return _started; } }

        /// <summary>One attempt to start; throws what the start throws.</summary>
        public void Attempt()
        {
            _attempts++;
            _start();
            _started = true;
        }
    }
}
