namespace OvmsOta.Push
{
    /// <summary>The HTTP statuses the push endpoint answers with, and their reason phrases.</summary>
    public static class PushStatus
    {
        public const int Ok = 200;
        public const int BadRequest = 400;
        public const int Unauthorized = 401;
        public const int Forbidden = 403;
        public const int NotFound = 404;
        public const int MethodNotAllowed = 405;
        public const int Conflict = 409;
        public const int LengthRequired = 411;
        public const int PayloadTooLarge = 413;
        public const int HeaderTooLarge = 431;
        public const int InternalError = 500;

        public static string Reason(int status)
        {
            switch (status)
            {
                case Ok: return "OK";
                case BadRequest: return "Bad Request";
                case Unauthorized: return "Unauthorized";
                case Forbidden: return "Forbidden";
                case NotFound: return "Not Found";
                case MethodNotAllowed: return "Method Not Allowed";
                case Conflict: return "Conflict";
                case LengthRequired: return "Length Required";
                case PayloadTooLarge: return "Payload Too Large";
                case HeaderTooLarge: return "Request Header Fields Too Large";
                default: return "Internal Server Error";
            }
        }
    }
}
