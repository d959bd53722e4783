// Reference model of nanoframework/System.Collections, tag v1.5.67, nanoFramework.System.Collections/Collections/DictionaryEntry.cs.
// A class with public fields on nanoFramework, a struct with properties on .NET.
namespace System.Collections
{
    [Serializable]
    public class DictionaryEntry
    {
        public object Key;
        public object Value;

        public DictionaryEntry(object key, object value) => throw null;
    }
}
