namespace Identity.TestSupport;

/// <summary>Locates the repository and the test peers' npm install (tests/node) from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds Identity.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>tests/node: package.json of the reference implementations and anvil.</summary>
    public static string NodeProject => Path.Combine(RepositoryRoot, "tests", "node");

    /// <summary>tests/node/node_modules, which scripts/setup.sh installs.</summary>
    public static string NodeModules
    {
        get
        {
            var path = Path.Combine(NodeProject, "node_modules");
            return Directory.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing: run scripts/setup.sh (it runs npm ci in tests/node).");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Identity.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Identity.sln not found above " + AppContext.BaseDirectory);
    }
}
