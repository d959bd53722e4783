// Reference model of nanoframework/System.Collections, tag v1.5.67, nanoFramework.System.Collections/Collections/Hashtable.cs:
// the public surface as declared there (no member is virtual), bodies throw.
namespace System.Collections
{
    [Serializable]
    public class Hashtable : ICloneable, IDictionary
    {
        public Hashtable() => throw null;
        public Hashtable(int capacity) => throw null;
        public Hashtable(int capacity, float loadFactor) => throw null;

        public int Count => throw null;
        public bool IsSynchronized => throw null;
        public object SyncRoot => throw null;
        public bool IsReadOnly => throw null;
        public bool IsFixedSize => throw null;
        public ICollection Keys => throw null;
        public ICollection Values => throw null;
        public object this[object key] { get => throw null; set => throw null; }

        public object Clone() => throw null;
        public IEnumerator GetEnumerator() => throw null;
        public void CopyTo(Array array, int arrayIndex) => throw null;
        public void Add(object key, object value) => throw null;
        public void Clear() => throw null;
        public bool Contains(object key) => throw null;
        public void Remove(object key) => throw null;
    }
}
