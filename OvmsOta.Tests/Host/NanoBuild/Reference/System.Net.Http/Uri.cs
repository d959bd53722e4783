// Reference model of nanoframework/System.Net.Http, tag v1.5.207, nanoFramework.System.Net.Http/Http/System.Uri.cs:
// System.Uri lives in System.Net.Http on nanoFramework (mscorlib has none). Only the type, its constructors and
// UriKind are modelled, so WebRequest.Create has its real overload set.
namespace System
{
    public enum UriKind
    {
        RelativeOrAbsolute = 0,
        Absolute = 1,
        Relative = 2,
    }

    public class Uri
    {
        public Uri(string uriString) => throw null;
        public Uri(string uriString, UriKind kind) => throw null;
        public Uri(Uri baseUri, string relativeUri = null) => throw null;
    }
}
