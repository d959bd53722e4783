using System;
using System.Collections;
using System.IO;
using OvmsOta.Ports;

namespace OvmsOta.Tests.Portable.Shell
{
    /// <summary>Keeps log lines ("I ", "W ", "E " + text) and notifications ("info ota.update: text").</summary>
    public sealed class RecordingLog : IOtaLog, INotifier
    {
        public readonly ArrayList Lines = new ArrayList();
        public readonly ArrayList Notifications = new ArrayList();

        public void Info(string text) { Lines.Add("I " + text); }
        public void Warning(string text) { Lines.Add("W " + text); }
        public void Error(string text) { Lines.Add("E " + text); }
        public void Info(string subtype, string text) { Notifications.Add("info " + subtype + ": " + text); }
        public void Alert(string subtype, string text) { Notifications.Add("alert " + subtype + ": " + text); }

        public string[] LogLines()
        {
            return (string[])Lines.ToArray(typeof(string));
        }

        public string[] NotificationLines()
        {
            return (string[])Notifications.ToArray(typeof(string));
        }
    }
}
