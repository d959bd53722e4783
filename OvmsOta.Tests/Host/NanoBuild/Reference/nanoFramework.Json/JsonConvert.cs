// Reference model of nanoframework/nanoFramework.Json 2.2.x, nanoFramework.Json/JsonConvert.cs: the static class and
// the DeserializeObject/SerializeObject overloads the API list has (the Stream and DataReader overloads are not
// in nanoframework-api/nanoFramework.Json.txt, so not declared); bodies throw.
namespace nanoFramework.Json
{
    public static class JsonConvert
    {
        public static string SerializeObject(object oSource) => throw null;
        public static object DeserializeObject(string sourceString, System.Type type) => throw null;
        public static object DeserializeObject(string sourceString, System.Type type, JsonSerializerOptions options) => throw null;
    }
}
