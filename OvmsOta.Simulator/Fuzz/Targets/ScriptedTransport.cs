using OvmsOta.Ports;

namespace OvmsOta.Simulator.Fuzz.Targets;

/// <summary>Hands out the scripted responses in order, whatever the URL (so redirects chain); after the last, refuses to
/// connect. Remembers each response to check it was disposed.</summary>
public sealed class ScriptedTransport(IReadOnlyList<string> responses) : IHttpTransport
{
    int _next;

    public List<ScriptedResponse> Opened { get; } = [];

    public IHttpResponse Get(string url, string userAgent, int timeoutMilliseconds)
    {
        if (_next >= responses.Count)
            throw new IOException("Connection refused by " + url);
        ScriptedResponse response = ScriptedResponse.Parse(responses[_next++]);
        Opened.Add(response);
        return response;
    }
}
