namespace OvmsOta.Shell
{
    /// <summary>A top-level command other than `ota` (e.g. `config`), given the line split into words.</summary>
    public interface IShellCommand
    {
        void Execute(string[] words, IShellOutput output);
    }
}
