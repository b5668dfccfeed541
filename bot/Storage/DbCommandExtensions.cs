using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatSupport.Bot.Storage;

/// <summary>Provider-neutral helpers for the stores' commands.</summary>
public static class DbCommandExtensions
{
    /// <summary>Adds a parameter whose type follows from its value (null and <see cref="DBNull"/> are SQL NULL).</summary>
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters switch
        {
            SqliteParameterCollection sqlite => sqlite.AddWithValue(name, value ?? DBNull.Value),
            NpgsqlParameterCollection npgsql => npgsql.AddWithValue(name, value ?? DBNull.Value),
            _ => throw new NotSupportedException("Unknown database provider."),
        };
    }

    /// <summary>Adds a text parameter to set before each execution of a reused command.</summary>
    public static DbParameter AddText(this DbCommand command, string name)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.String;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
