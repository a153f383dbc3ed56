using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The JQL the simulated site understands: clauses joined by AND on <c>project</c>, <c>key</c>, <c>issuetype</c>,
/// <c>status</c>, <c>labels</c>, <c>updated</c> and <c>created</c> (=, !=, IN, NOT IN, and &gt;=, &lt;=, &gt;, &lt; for dates, absolute or
/// relative like -15m), then an optional ORDER BY. Anything else is answered with Jira's 400.</summary>
internal sealed class JiraSandboxJql
{
    private readonly List<Func<SimIssue, JiraSandboxState, bool>> _clauses = [];
    private readonly List<(string Field, bool Descending)> _order = [];

    private JiraSandboxJql()
    {
    }

    public bool IsBounded => _clauses.Count > 0;

    /// <summary>Parses JQL; throws <see cref="FormatException"/> with Jira-like wording on anything unsupported.</summary>
    public static JiraSandboxJql Parse(string jql, DateTimeOffset now)
    {
        var query = new JiraSandboxJql();
        var tokens = Tokenize(jql);
        var i = 0;
        while (i < tokens.Count)
        {
            if (Is(tokens, i, "order"))
            {
                if (!Is(tokens, i + 1, "by"))
                {
                    throw new FormatException("Error in the JQL Query: Expecting 'by' after 'order'.");
                }

                i += 2;
                while (i < tokens.Count)
                {
                    var field = tokens[i++].ToLowerInvariant();
                    var descending = false;
                    if (Is(tokens, i, "asc") || Is(tokens, i, "desc"))
                    {
                        descending = Is(tokens, i, "desc");
                        i++;
                    }

                    query._order.Add((Canonical(field), descending));
                    if (Is(tokens, i, ","))
                    {
                        i++;
                    }
                }

                break;
            }

            if (query._clauses.Count > 0)
            {
                if (Is(tokens, i, "or"))
                {
                    throw new FormatException("Error in the JQL Query: OR is not supported by the sandbox site; use IN.");
                }

                if (!Is(tokens, i, "and"))
                {
                    throw new FormatException($"Error in the JQL Query: Expecting either 'OR' or 'AND' but got '{tokens[i]}'.");
                }

                i++;
            }

            query._clauses.Add(ParseClause(tokens, ref i, now));
        }

        return query;
    }

    public IEnumerable<SimIssue> Apply(IEnumerable<SimIssue> issues, JiraSandboxState state)
    {
        var matching = issues.Where(issue => _clauses.All(c => c(issue, state)));
        IOrderedEnumerable<SimIssue>? ordered = null;
        foreach (var (field, descending) in _order.Count > 0 ? _order : [("created", true)])
        {
            Func<SimIssue, IComparable> key = field switch
            {
                "updated" => i => i.Updated,
                "created" => i => i.Created,
                "key" => i => $"{i.Project.Key}-{KeyNumber(i):D9}",
                "id" => i => long.Parse(i.Id, CultureInfo.InvariantCulture),
                _ => throw new FormatException($"Error in the JQL Query: Field '{field}' does not exist or cannot be ordered by."),
            };
            ordered = ordered is null
                ? (descending ? matching.OrderByDescending(key) : matching.OrderBy(key))
                : (descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key));
        }

        return ordered!.ThenBy(i => long.Parse(i.Id, CultureInfo.InvariantCulture));
    }

    private static int KeyNumber(SimIssue issue) => int.Parse(issue.Key[(issue.Key.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private static string Canonical(string field) => field switch
    {
        "issuekey" => "key",
        "type" => "issuetype",
        _ => field,
    };

    private static Func<SimIssue, JiraSandboxState, bool> ParseClause(List<string> tokens, ref int i, DateTimeOffset now)
    {
        var field = Canonical(tokens[i++].ToLowerInvariant());
        if (i >= tokens.Count)
        {
            throw new FormatException($"Error in the JQL Query: Expecting an operator after '{field}'.");
        }

        var op = tokens[i++].ToLowerInvariant();
        if (op == "not" && Is(tokens, i, "in"))
        {
            op = "not in";
            i++;
        }

        List<string> values;
        if (op is "in" or "not in")
        {
            if (!Is(tokens, i, "("))
            {
                throw new FormatException("Error in the JQL Query: Expecting '(' after IN.");
            }

            i++;
            values = [];
            while (i < tokens.Count && !Is(tokens, i, ")"))
            {
                if (!Is(tokens, i, ","))
                {
                    values.Add(tokens[i]);
                }

                i++;
            }

            i++;
        }
        else
        {
            if (i >= tokens.Count)
            {
                throw new FormatException($"Error in the JQL Query: Expecting a value after '{op}'.");
            }

            values = [tokens[i++]];
        }

        var negate = op is "!=" or "not in";
        switch (field)
        {
            case "project":
                return Match(values, negate, (issue, _, v) => issue.Project.Id == v || string.Equals(issue.Project.Key, v, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(issue.Project.Name, v, StringComparison.OrdinalIgnoreCase), op);
            case "key":
                return Match(values, negate, (issue, _, v) => string.Equals(issue.Key, v, StringComparison.OrdinalIgnoreCase) || issue.Id == v, op);
            case "issuetype":
                return Match(values, negate, (issue, state, v) => issue.IssueTypeId == v
                    || string.Equals(state.IssueTypes[issue.IssueTypeId].Name, v, StringComparison.OrdinalIgnoreCase), op);
            case "status":
                return Match(values, negate, (issue, state, v) => issue.StatusId == v
                    || string.Equals(state.Statuses[issue.StatusId].Name, v, StringComparison.OrdinalIgnoreCase), op);
            case "labels":
                return Match(values, negate, (issue, _, v) => issue.Values["labels"] is JsonArray labels
                    && labels.Any(l => string.Equals(l?.GetValue<string>(), v, StringComparison.Ordinal)), op);
            case "updated" or "created":
                var instant = ParseDate(values[0], now);
                Func<SimIssue, DateTimeOffset> read = field == "updated" ? x => x.Updated : x => x.Created;
                return op switch
                {
                    ">=" => (issue, _) => read(issue) >= instant,
                    ">" => (issue, _) => read(issue) > instant,
                    "<=" => (issue, _) => read(issue) <= instant,
                    "<" => (issue, _) => read(issue) < instant,
                    _ => throw new FormatException($"Error in the JQL Query: The operator '{op}' is not supported by the '{field}' field in the sandbox."),
                };
            default:
                throw new FormatException($"Field '{field}' does not exist or you do not have permission to view it.");
        }
    }

    private static Func<SimIssue, JiraSandboxState, bool> Match(List<string> values, bool negate, Func<SimIssue, JiraSandboxState, string, bool> test, string op)
    {
        if (op is not ("=" or "!=" or "in" or "not in"))
        {
            throw new FormatException($"Error in the JQL Query: The operator '{op}' is not supported here.");
        }

        return (issue, state) => values.Any(v => test(issue, state, v)) != negate;
    }

    private static DateTimeOffset ParseDate(string value, DateTimeOffset now)
    {
        if (value.Length > 1 && value[0] is '-' or '+' && char.IsAsciiDigit(value[1]))
        {
            var unit = value[^1];
            var amount = double.Parse(value[1..^1], CultureInfo.InvariantCulture) * (value[0] == '-' ? -1 : 1);
            return unit switch
            {
                'm' => now.AddMinutes(amount),
                'h' => now.AddHours(amount),
                'd' => now.AddDays(amount),
                'w' => now.AddDays(7 * amount),
                _ => throw new FormatException($"Date value '{value}' for field is invalid."),
            };
        }

        string[] formats = ["yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd"];
        return DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new FormatException($"Date value '{value}' for field is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
    }

    private static bool Is(List<string> tokens, int i, string word) =>
        i < tokens.Count && string.Equals(tokens[i], word, StringComparison.OrdinalIgnoreCase);

    private static List<string> Tokenize(string jql)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < jql.Length)
        {
            var c = jql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = jql.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new FormatException("Error in the JQL Query: The quoted string has not been completed.");
                }

                tokens.Add(jql[(i + 1)..end]);
                i = end + 1;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var op = i + 1 < jql.Length && jql[i + 1] == '=' ? jql.Substring(i, 2) : c.ToString();
                tokens.Add(op);
                i += op.Length;
            }
            else
            {
                var word = new StringBuilder();
                while (i < jql.Length && !char.IsWhiteSpace(jql[i]) && jql[i] is not ('(' or ')' or ',' or '=' or '!' or '<' or '>' or '"' or '\''))
                {
                    word.Append(jql[i++]);
                }

                tokens.Add(word.ToString());
            }
        }

        return tokens;
    }
}
