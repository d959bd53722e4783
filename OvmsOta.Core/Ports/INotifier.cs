namespace OvmsOta.Ports
{
    /// <summary>OVMS notifications (to the app, the server, e-mail ...): a type, a subtype such as "ota.update", a text.</summary>
    public interface INotifier
    {
        /// <summary>Notification type "info".</summary>
        void Info(string subtype, string text);

        /// <summary>Notification type "alert".</summary>
        void Alert(string subtype, string text);
    }
}
