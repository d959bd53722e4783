using System;
using OvmsOta.Config;
using OvmsOta.Engine;
using OvmsOta.Partitions;
using OvmsOta.Update;

namespace OvmsOta.Push
{
    /// <summary>
    /// The push endpoint's way into a module's engine: the same flash lock and streaming updater as `ota flash`,
    /// so a push and a shell flash exclude each other. The device and the simulator both serve pushes through
    /// this. A commit_timeout from the form becomes config `ota commit.timeout`, which the commit watchdog of the
    /// next boot uses; it is checked before the boot partition changes, so a bad value activates nothing.
    /// </summary>
    public sealed class EnginePushTarget : IPushTarget
    {
        const string StatusText = "OTA Push: Flashing image partition...";

        readonly OtaEngine _engine;

        public EnginePushTarget(OtaEngine engine)
        {
            if (engine == null)
                throw new ArgumentNullException("engine");
            _engine = engine;
        }

        /// <summary>The endpoint for this engine, with its configured secret (`ota push.secret`; empty disables pushing).</summary>
        public static PushEndpoint Endpoint(OtaEngine engine, byte[] buffer)
        {
            return new PushEndpoint(new EnginePushTarget(engine), engine.Config.PushSecret, buffer);
        }

        public int Capacity
        {
            get
            {
                PartitionEntry target = _engine.NextTarget();
                return target == null ? 0 : target.Size;
            }
        }

        public IPushSession Begin(int imageSize)
        {
            string refusal = _engine.UpdateRefusal();
            if (refusal != null)
                throw new PushRefusedException(refusal.Substring("Error: ".Length));
            if (!_engine.Lock.TryEnter())
                throw new PushRefusedException("Flash operation already in progress - cannot flash again");
            try
            {
                _engine.Status.Set(StatusText);
                return new Session(_engine, _engine.Updater.Begin(imageSize));
            }
            catch (Exception)
            {
                _engine.Status.Clear();
                _engine.Lock.Exit();
                throw;
            }
        }

        sealed class Session : IPushSession
        {
            readonly OtaEngine _engine;
            readonly UpdateSession _update;
            bool _released;

            public Session(OtaEngine engine, UpdateSession update)
            {
                _engine = engine;
                _update = update;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                _update.Write(buffer, offset, count);
                _engine.Status.Progress((int)((long)_update.BytesWritten * 100 / _update.ExpectedSize));
            }

            public string End(int commitTimeoutSeconds)
            {
                // Stored before the switch: a store that refuses it must not leave an activated image behind a 500.
                if (commitTimeoutSeconds > 0)
                {
                    CheckCommitTimeout(commitTimeoutSeconds);
                    _engine.ConfigStore.Set(ConfigParams.Ota, ConfigParams.CommitTimeout, commitTimeoutSeconds.ToString());
                }
                PartitionEntry next = _update.End();
                Release();
                return next.Label;
            }

            public void Abort()
            {
                if (_update.IsOpen)
                    _update.Abort();
                Release();
            }

            static void CheckCommitTimeout(int seconds)
            {
                ConfigParam param = ConfigParams.Find(ConfigParams.Ota, ConfigParams.CommitTimeout);
                if (seconds < param.Min || seconds > param.Max)
                    throw new ConfigException("commit_timeout " + seconds.ToString() + " is outside " + param.Min.ToString()
                        + " to " + param.Max.ToString() + " seconds; nothing was activated");
            }

            void Release()
            {
                if (_released)
                    return;
                _released = true;
                _engine.Status.Clear();
                _engine.Lock.Exit();
            }
        }
    }
}
