namespace OvmsOta.Push
{
    /// <summary>Parameters of a header value such as `form-data; name="file"; filename="ovms3.bin"` or `multipart/form-data; boundary=x`.</summary>
    public static class HeaderParameter
    {
        /// <summary>The value of parameter name (case-insensitive, quotes removed), or null when absent.</summary>
        public static string Find(string headerValue, string name)
        {
            if (headerValue == null)
                return null;
            string[] parts = headerValue.Split(new char[] { ';' });
            // parts[0] is the value itself (form-data, multipart/form-data).
            for (int i = 1; i < parts.Length; i++)
            {
                string part = parts[i].Trim();
                int equals = part.IndexOf('=');
                if (equals <= 0 || part.Substring(0, equals).Trim().ToLower() != name)
                    continue;
                string value = part.Substring(equals + 1).Trim();
                if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
                    value = value.Substring(1, value.Length - 2);
                return value;
            }
            return null;
        }

        /// <summary>The value before the first ';', lower case and trimmed ("multipart/form-data").</summary>
        public static string MediaType(string headerValue)
        {
            if (headerValue == null)
                return "";
            int semicolon = headerValue.IndexOf(';');
            string type = semicolon < 0 ? headerValue : headerValue.Substring(0, semicolon);
            return type.Trim().ToLower();
        }
    }
}
