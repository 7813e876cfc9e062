using Npgsql;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: HELPDIRECTORY_TEST_POSTGRES holds a connection string to it (./test starts
/// a throwaway one with tests/postgres/start). HELPDIRECTORY_TEST_PROVIDER=PostgreSQL runs the data-touching tests on it
/// instead of SQLite; the tests about several nodes always need it. Each site or test database gets a database of its own.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "HELPDIRECTORY_TEST_POSTGRES";
    public const string ProviderVariable = "HELPDIRECTORY_TEST_PROVIDER";

    /// <summary>True when this run is the PostgreSQL one.</summary>
    public static bool Selected { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private static string Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"This test needs PostgreSQL: run ./test (it starts one), or set {ServerVariable} to a connection string for a " +
                "server where it may create and drop databases (tests/postgres/start prints one).");

    /// <summary>Creates an empty database with a random name and returns the connection string to it.</summary>
    public static string CreateDatabase()
    {
        var name = "helpdirectory_test_" + Guid.NewGuid().ToString("N");
        OnServer($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>Lets new sessions into a test database, or turns them away (those already open stay).</summary>
    public static void AllowConnections(string connectionString, bool allow)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        OnServer($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}");
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        OnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>One command on the server's own database (the test databases' names are ours, never a visitor's).</summary>
    private static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }
}
