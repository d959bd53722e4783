using System;
using System.IO;
using System.Text;
using OvmsOta.Boot;
using OvmsOta.Engine;
using OvmsOta.Partitions;
using OvmsOta.Ports;
using OvmsOta.Push;
using OvmsOta.Shell;

namespace OvmsOta.Rpc
{
    /// <summary>
    /// Mongoose OS's OTA RPC over the module's HTTP port: `POST /rpc/&lt;method&gt;` with a JSON body, a JSON answer.
    /// OTA.Update (url, commit_timeout), OTA.Commit, OTA.Revert, OTA.GetBootState, OTA.SetBootState, plus OTA.Status
    /// (what `ota status` shows) and Sys.Reboot. The same secret as the push endpoint (`Authorization: Bearer`); without
    /// it only OTA.Status and OTA.GetBootState answer. The same install lock and refusals as the shell: busy and on
    /// trial are 409, a bad body 400, no or a wrong secret 401, RPC changes with no secret configured 403, an unknown
    /// method 404; each as {"error":{"code":N,"message":"..."}} with that HTTP status.
    /// </summary>
    public sealed class RpcEndpoint
    {
        public const string PathPrefix = "/rpc/";
        public const string Update = "OTA.Update";
        public const string Commit = "OTA.Commit";
        public const string Revert = "OTA.Revert";
        public const string GetBootState = "OTA.GetBootState";
        public const string SetBootState = "OTA.SetBootState";
        public const string Status = "OTA.Status";
        public const string Reboot = "Sys.Reboot";
        /// <summary>Largest request body accepted (the arguments are a few short fields).</summary>
        public const int MaxBodyLength = 1024;

        private const string BearerPrefix = "Bearer ";
        private const int NoFollowUp = 0;
        private const int FollowRevert = 1;
        private const int FollowReboot = 2;

        private readonly OtaEngine _engine;
        private readonly RpcUpdateJob _job;
        private readonly TrialCommands _trial;
        private readonly IJsonCodec _json;
        private readonly string _secret;
        private int _followUp;

        /// <summary>secret: `ota push.secret` ("" or null: only the reading methods answer).</summary>
        public RpcEndpoint(OtaEngine engine, RpcUpdateJob job, IJsonCodec json, string secret)
        {
            if (engine == null || job == null || json == null)
                throw new ArgumentNullException(engine == null ? "engine" : job == null ? "job" : "json");
            _engine = engine;
            _job = job;
            _json = json;
            _secret = secret;
            _trial = new TrialCommands(engine.Slots, engine.Trial, engine.Installer.Lock);
        }

        /// <summary>Answers one request whose head was read (path under /rpc/); returns the HTTP status sent.</summary>
        public int Handle(Stream connection, RequestInput input, RequestHead head)
        {
            _followUp = NoFollowUp;
            int status = PushStatus.Ok;
            string body;
            try
            {
                body = _json.ToJson(Serve(input, head));
            }
            catch (PushException e)
            {
                status = e.Status;
                body = _json.ToJson(RpcError.Of(status, VisibleText.Of(e.Message)));
            }
            catch (JsonCodecException e)
            {
                status = PushStatus.BadRequest;
                body = _json.ToJson(RpcError.Of(status, "Error: the request body is not the JSON this method takes: " + e.Message));
            }
            catch (IOException e)
            {
                status = PushStatus.BadRequest;
                body = _json.ToJson(RpcError.Of(status, "Error: request aborted (" + e.Message + ")"));
            }
            HttpAnswer.Write(connection, status, HttpAnswer.Json, Encoding.UTF8.GetBytes(body));
            // After the answer is out: a revert or a restart does not come back (on the device the reboot never returns).
            if (_followUp == FollowRevert)
                _engine.Trial.Watchdog.Revert();
            else if (_followUp == FollowReboot)
                _engine.Reboot.Reboot("Sys.Reboot");
            return status;
        }

        private object Serve(RequestInput input, RequestHead head)
        {
            string method = head.Path.Substring(PathPrefix.Length);
            if (head.Method != "POST" && head.Method != "GET")
                throw new PushException(PushStatus.MethodNotAllowed, "Error: RPC takes POST (or GET without arguments)");
            string body = ReadBody(input, head);
            if (method == Status)
                return StatusReport.Build(_engine, _job, ((StatusArgs)Decode(body, typeof(StatusArgs))).check || head.QueryValue("check") == "1");
            if (method == GetBootState)
            {
                Decode(body, typeof(NoArgs));
                return StatusReport.Boot(_engine);
            }
            if (method != Update && method != Commit && method != Revert && method != SetBootState && method != Reboot)
                throw new PushException(PushStatus.NotFound, "Error: no RPC method " + method + " (known: " + Status + ", " + GetBootState
                    + ", " + Update + ", " + Commit + ", " + Revert + ", " + SetBootState + ", " + Reboot + ")");
            Authorize(head);
            if (method == Update)
                return StartUpdate((UpdateArgs)Decode(body, typeof(UpdateArgs)));
            if (method == SetBootState)
                return SetBoot((BootState)Decode(body, typeof(BootState)));
            Decode(body, typeof(NoArgs));
            if (method == Commit)
                return CommitTrial();
            if (method == Revert)
                return RevertTrial();
            return RebootModule();
        }

        private void Authorize(RequestHead head)
        {
            if (_secret == null || _secret.Length == 0)
                throw new PushException(PushStatus.Forbidden, "Error: RPC changes are disabled on this module (no push secret configured)");
            if (head.Authorization == null || !head.Authorization.StartsWith(BearerPrefix)
                || !SecretComparer.Matches(_secret, head.Authorization.Substring(BearerPrefix.Length)))
                throw new PushException(PushStatus.Unauthorized, "Error: Unauthorized (send the push secret as \"Authorization: Bearer <secret>\")");
        }

        private ActionReply StartUpdate(UpdateArgs args)
        {
            int timeout = args.commit_timeout;
            if (timeout != 0)
            {
                string refusal = EnginePushTarget.CommitTimeoutRefusal(timeout);
                if (refusal != null)
                    throw new PushException(PushStatus.BadRequest, "Error: " + refusal);
            }
            string url = args.url == null ? string.Empty : args.url.Trim();
            if (url.Length > 0 && url.IndexOf("://") < 0)
                throw new PushException(PushStatus.BadRequest, "Error: url \"" + url + "\" is not an http:// or https:// URL");
            RefuseIfBusyOrOnTrial();
            PartitionEntry target = _engine.Slots.NextTarget();
            if (!_job.Start(url, timeout))
                throw new PushException(PushStatus.Conflict, InstallLock.BusyText);
            return ActionReply.Of("Update started from " + (url.Length > 0 ? url : _engine.Server.ImageUrl)
                + " (OTA.Status shows its progress and outcome)", target != null ? target.Label : null);
        }

        private void RefuseIfBusyOrOnTrial()
        {
            InstallFailure refusal = _engine.Installer.UpdateRefusal();
            if (refusal != null)
                throw new PushException(PushStatus.Conflict, refusal.ShellText);
            if (_engine.Installer.Lock.IsHeld || _job.IsRunning)
                throw new PushException(PushStatus.Conflict, InstallLock.BusyText);
        }

        private ActionReply CommitTrial()
        {
            OutcomeLines lines = new OutcomeLines();
            _trial.Commit(lines);
            return Answer(lines, _engine.Slots.RunningLabel);
        }

        private ActionReply RevertTrial()
        {
            CommitWatchdog watchdog = _engine.Trial.Watchdog;
            if (watchdog == null)
                throw new PushException(PushStatus.Conflict, TrialCommands.NoWatchdogText);
            if (_engine.Installer.Lock.IsHeld)
                throw new PushException(PushStatus.Conflict, InstallLock.BusyText);
            if (!watchdog.IsOnTrial)
                throw new PushException(PushStatus.Conflict, "Error: The image on " + _engine.Slots.RunningLabel + " is not on trial - nothing to revert");
            _followUp = FollowRevert;
            return ActionReply.Of("Reverting the image on " + _engine.Slots.RunningLabel + ": restarting into the previous image...",
                _engine.Slots.RunningLabel);
        }

        private ActionReply SetBoot(BootState args)
        {
            PartitionTable table = _engine.Slots.Table;
            PartitionEntry slot = args.active_slot == -1 ? table.Factory : table.OtaSlot(args.active_slot);
            if (slot == null)
                throw new PushException(PushStatus.BadRequest, "Error: active_slot " + args.active_slot.ToString() + " is not a slot of this module");
            if (slot == _engine.Slots.Running)
            {
                CommitWatchdog watchdog = _engine.Trial.Watchdog;
                bool onTrial = watchdog != null && watchdog.IsOnTrial;
                if (args.is_committed && onTrial)
                    return CommitTrial();
                if (!args.is_committed && !onTrial)
                    throw new PushException(PushStatus.Conflict, "Error: The image on " + slot.Label + " is committed; it cannot be put back on trial");
                return ActionReply.Of("Nothing to change: " + slot.Label + " runs " + (onTrial ? "on trial" : "committed"), slot.Label);
            }
            if (!args.is_committed)
                throw new PushException(PushStatus.BadRequest, "Error: another slot can only be chosen committed (is_committed true, as ota boot); "
                    + "an image goes on trial through OTA.Update");
            RefuseIfBusyOrOnTrial();
            SlotCommands commands = new SlotCommands(_engine.Slots, _engine.Installer);
            OutcomeLines lines = new OutcomeLines();
            commands.Boot(slot.Label, lines);
            return Answer(lines, slot.Label);
        }

        private ActionReply RebootModule()
        {
            if (_engine.Reboot == null)
                throw new PushException(PushStatus.InternalError, "Error: this module has no reboot binding");
            if (_engine.Installer.Lock.IsHeld)
                throw new PushException(PushStatus.Conflict, InstallLock.BusyText + " (restart once it is done)");
            _followUp = FollowReboot;
            return ActionReply.Of("Restarting...", _engine.Slots.RunningLabel);
        }

        /// <summary>A shell command's lines as the answer: an "Error: ..." line is a 409 with that text.</summary>
        private static ActionReply Answer(OutcomeLines lines, string slot)
        {
            if (lines.Errors.Length > 0)
                throw new PushException(PushStatus.Conflict, lines.Errors.TrimEnd(new char[] { '\n' }));
            return ActionReply.Of(lines.Text.TrimEnd(new char[] { '\n' }), slot);
        }

        private object Decode(string body, Type type)
        {
            if (body.Length == 0)
                return _json.FromJson("{}", type);
            return _json.FromJson(body, type);
        }

        private static string ReadBody(RequestInput input, RequestHead head)
        {
            int length = head.ContentLength;
            if (length <= 0)
                return string.Empty;
            if (length > MaxBodyLength)
                throw new PushException(PushStatus.PayloadTooLarge, "Error: RPC arguments of " + length.ToString() + " bytes (at most "
                    + MaxBodyLength.ToString() + ")");
            input.LimitBody(length);
            while (input.Available < length)
            {
                if (input.Fill() == 0)
                    throw new PushException(PushStatus.BadRequest, "Error: the request body ended after " + input.Available.ToString()
                        + " of " + length.ToString() + " bytes");
            }
            string text = Encoding.UTF8.GetString(input.Data, input.Start, length);
            input.Consume(length);
            return text.Trim();
        }
    }
}
