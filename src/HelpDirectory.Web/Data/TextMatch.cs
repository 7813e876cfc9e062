using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HelpDirectory.Web.Data;

/// <summary>
/// "Any of these columns contains the pattern", ignoring case on both databases: SQLite's LIKE already ignores (ASCII)
/// case, PostgreSQL's does not, so there it is ILIKE. The pattern is a LIKE pattern (the caller adds the % and strips any
/// the visitor typed).
/// </summary>
public static class TextMatch
{
    public static IQueryable<T> WhereAnyLike<T>(this IQueryable<T> query, DatabaseFacade database, string pattern, params Expression<Func<T, string?>>[] columns)
    {
        var ilike = database.IsNpgsql();
        var item = Expression.Parameter(typeof(T), "x");
        // Through a closure, so EF Core sends the pattern as a parameter instead of baking it into the SQL.
        var value = Expression.Property(Expression.Constant(new Pattern(pattern)), nameof(Pattern.Value));
        Expression? any = null;
        foreach (var column in columns)
        {
            var text = new Swap(column.Parameters[0], item).Visit(column.Body);
            Expression match = ilike
                ? Expression.Call(typeof(NpgsqlDbFunctionsExtensions), nameof(NpgsqlDbFunctionsExtensions.ILike), null, Expression.Constant(EF.Functions), text, value)
                : Expression.Call(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), null, Expression.Constant(EF.Functions), text, value);
            any = any is null ? match : Expression.OrElse(any, match);
        }
        return any is null ? query : query.Where(Expression.Lambda<Func<T, bool>>(any, item));
    }

    private sealed record Pattern(string Value);

    private sealed class Swap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
