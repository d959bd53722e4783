// Reference model of nanoframework/System.Collections, tag v1.5.67, nanoFramework.System.Collections/Collections/IDictionaryEnumerator.cs.
namespace System.Collections
{
    public interface IDictionaryEnumerator : IEnumerator
    {
        object Key { get; }
        object Value { get; }
        DictionaryEntry Entry { get; }
    }
}
