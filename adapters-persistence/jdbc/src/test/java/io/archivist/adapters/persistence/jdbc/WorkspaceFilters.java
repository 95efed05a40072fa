package io.archivist.adapters.persistence.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Whether a statement of the JDBC store stays in one workspace, as an engine that distributes the tables by
 * workspace (Citus) needs in order to route it to the one node that holds the workspace: every table a
 * statement reads or writes has a conjunct {@code alias.workspace = <parameter or literal>} ({@code id} for
 * workspaces) in its own scope, the WHERE or a JOIN ... ON of the SELECT, UPDATE, DELETE or MERGE that names
 * it, in each term of a set operation or recursive query and in each subquery; an INSERT names the workspace
 * column among those it sets. A join on another row's workspace does not count: it names no workspace. Nor
 * does a conjunct under OR or NOT.
 * <p>
 * By rule, not by list: statements that set, show or end something (SET LOCAL ..., transactions) are not
 * about tables; a SELECT of no table (SELECT 1, current_setting, pg_backend_pid) names none to check;
 * PostgreSQL's catalogs, Flyway's schema history and scheduled_turns (one row per once-only job, no workspace
 * by design, a reference table kept whole on every node) are no tables of a workspace. A string of several
 * statements is split and each part checked; MariaDB's {@code SET STATEMENT ... FOR} is checked as the
 * statement it prefixes. What cannot be parsed is an offence: it cannot be shown to route.
 */
final class WorkspaceFilters {

    /** Tables with no workspace by design: one row per once-only job, a reference table on Citus. */
    private static final Set<String> REFERENCE_TABLES = Set.of("scheduled_turns");
    /** Flyway's table (JdbcDatabase.open): its own statements, never the store's. */
    private static final String SCHEMA_HISTORY = "archivist_schema_history";

    private static final Set<String> NOT_ABOUT_TABLES = Set.of(
            "SET", "SHOW", "RESET", "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "CHECKPOINT");

    private static final Pattern SET_STATEMENT_FOR = Pattern.compile("(?is)^SET\\s+STATEMENT\\s+.+?\\s+FOR\\s+(.+)$");
    /**
     * PostgreSQL's DELETE ... USING (subquery): JSqlParser 5.3 takes only tables after USING. Its tables and
     * conditions form one scope, as a SELECT of them would: checked as that SELECT.
     */
    private static final Pattern DELETE_USING =
            Pattern.compile("(?is)^DELETE\\s+FROM\\s+(\\w+(?:\\s+(?:AS\\s+)?\\w+)?)\\s+USING\\s+(.+)$");

    /**
     * The statements that stay across workspaces, each with why Citus runs it whole: plain reads, which it
     * runs on every node and merges (ORDER BY and LIMIT included). Matched on the text with named parameters
     * as Micronaut Data sends them ({@code ?}) and blanks collapsed.
     */
    static final Map<String, String> ACROSS_WORKSPACES = Map.of(
            normalized(CatalogRows.WITH_RETENTION),
            "R11's retention job lists the types that have a retention in every workspace: a plain SELECT with"
                    + " ORDER BY, which Citus runs on each node and merges",
            normalized(IdempotentRequests.EXPIRED),
            "R10's forgetting of answers older than 24 hours finds the workspaces of the oldest ones: a plain"
                    + " SELECT with ORDER BY and LIMIT, which Citus runs on each node and merges; each workspace's"
                    + " answers are then deleted by a statement of that workspace (IdempotentRequests.FORGET)");

    private WorkspaceFilters() {}

    /** The offences of every statement of {@code statements}, one line each, naming the table and the statement. */
    static List<String> offences(Collection<String> statements) {
        List<String> all = new ArrayList<>();
        new TreeSet<>(statements).forEach(sql -> all.addAll(offences(sql)));
        return all;
    }

    /** The offences of {@code sql} (one statement, or several separated by semicolons); none when it routes. */
    static List<String> offences(String sql) {
        List<String> found = new ArrayList<>();
        for (String part : split(sql)) {
            String statement = part.strip();
            Matcher prefixed = SET_STATEMENT_FOR.matcher(statement);
            if (prefixed.matches()) {
                statement = prefixed.group(1).strip();
            }
            if (statement.isEmpty()
                    || NOT_ABOUT_TABLES.contains(firstWord(statement))
                    || ACROSS_WORKSPACES.containsKey(normalized(statement))) {
                continue;
            }
            Matcher deleteUsing = DELETE_USING.matcher(statement);
            String parsedText = deleteUsing.matches()
                    ? "SELECT 1 FROM " + deleteUsing.group(1) + ", " + deleteUsing.group(2)
                    : statement;
            Statement parsed;
            try {
                parsed = CCJSqlParserUtil.parse(parsedText);
            } catch (JSQLParserException e) {
                found.add("cannot be parsed, so not shown to stay in one workspace: " + statement);
                continue;
            }
            Check check = new Check(deleteUsing.matches() ? "DELETE" : "SELECT");
            check.statement(parsed, Set.of());
            for (String offence : check.offences) {
                found.add(offence + "\n    in: " + normalized(statement));
            }
        }
        return found;
    }

    /** {@code sql} with named parameters as {@code ?} and runs of blanks as one space. */
    static String normalized(String sql) {
        return sql.replaceAll(":[A-Za-z_][A-Za-z0-9_]*", "?")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String firstWord(String statement) {
        String[] words = statement.split("[\\s(;]+", 2);
        return words[0].toUpperCase(Locale.ROOT);
    }

    /** Splits at semicolons outside quotes and parentheses. */
    static List<String> split(String sql) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ';' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    /** The column that names a row's workspace in {@code table}: the workspace itself for workspaces. */
    private static String workspaceColumn(String table) {
        return table.equals("workspaces") ? "id" : "workspace";
    }

    private static String name(Table table) {
        return table.getUnquotedName().toLowerCase(Locale.ROOT);
    }

    /** No table of a workspace: a reference table, Flyway's, or one of PostgreSQL's catalogs. */
    private static boolean outsideWorkspaces(Table table) {
        String name = name(table);
        String schema = table.getUnquotedSchemaName() == null
                ? ""
                : table.getUnquotedSchemaName().toLowerCase(Locale.ROOT);
        return REFERENCE_TABLES.contains(name)
                || name.equals(SCHEMA_HISTORY)
                || name.startsWith("pg_")
                || schema.equals("pg_catalog")
                || schema.equals("information_schema");
    }

    /** The checks of one statement, scope by scope. */
    private static final class Check {

        final List<String> offences = new ArrayList<>();
        /** What the outermost SELECT stands for: a DELETE ... USING is checked as the SELECT of its scope. */
        private String outermost;

        Check(String outermost) {
            this.outermost = outermost;
        }

        void statement(Statement statement, Set<String> ctes) {
            if (statement instanceof Select select) {
                select(select, ctes);
            } else if (statement instanceof Insert insert) {
                insert(insert, ctes);
            } else if (statement instanceof Update update) {
                update(update, ctes);
            } else if (statement instanceof Delete delete) {
                delete(delete, ctes);
            } else if (statement instanceof Merge merge) {
                merge(merge, ctes);
            } else {
                offences.add(
                        "a " + statement.getClass().getSimpleName() + " statement, which this check does not know");
            }
        }

        /** The names of {@code with}'s common table expressions added to {@code ctes}, each body checked. */
        private Set<String> with(List<WithItem<?>> with, Set<String> ctes) {
            if (with == null || with.isEmpty()) {
                return ctes;
            }
            Set<String> names = new HashSet<>(ctes);
            with.forEach(item -> names.add(item.getUnquotedAliasName().toLowerCase(Locale.ROOT)));
            for (WithItem<?> item : with) {
                if (item.getSelect() != null) {
                    select(item.getSelect(), names);
                } else if (item.getParenthesedStatement() != null) {
                    statement(item.getParenthesedStatement(), names);
                }
            }
            return names;
        }

        void select(Select select, Set<String> ctes) {
            Set<String> names = with(select.getWithItemsList(), ctes);
            if (select instanceof PlainSelect plain) {
                plain(plain, names);
            } else if (select instanceof SetOperationList terms) {
                terms.getSelects().forEach(term -> select(term, names));
            } else if (select instanceof ParenthesedSelect parenthesed) {
                select(parenthesed.getSelect(), names);
            } else if (select instanceof Values values) {
                subqueries(values.getExpressions(), names);
            } else {
                offences.add("a " + select.getClass().getSimpleName() + ", which this check does not know");
            }
        }

        private void plain(PlainSelect select, Set<String> ctes) {
            String kind = outermost;
            outermost = "SELECT";
            Scope scope = new Scope(ctes);
            scope.from(select.getFromItem());
            scope.joins(select.getJoins());
            scope.condition(select.getWhere());
            if (select.getSelectItems() != null) {
                for (SelectItem<?> item : select.getSelectItems()) {
                    scope.other(item.getExpression());
                }
            }
            scope.other(select.getHaving());
            orderBy(scope, select.getOrderByElements());
            scope.check(kind);
        }

        private static void orderBy(Scope scope, List<OrderByElement> order) {
            if (order != null) {
                order.stream().map(OrderByElement::getExpression).forEach(scope::other);
            }
        }

        private void insert(Insert insert, Set<String> ctes) {
            Set<String> names = with(insert.getWithItemsList(), ctes);
            Table table = insert.getTable();
            if (!outsideWorkspaces(table)) {
                String column = workspaceColumn(name(table));
                boolean sets = insert.getColumns() != null
                        && insert.getColumns().stream()
                                .anyMatch(c -> c.getUnquotedColumnName().equalsIgnoreCase(column));
                if (!sets) {
                    offences.add("INSERT into " + name(table) + " does not set its column " + column);
                }
            }
            if (insert.getSelect() != null) {
                select(insert.getSelect(), names);
            }
        }

        private void update(Update update, Set<String> ctes) {
            Set<String> names = with(update.getWithItemsList(), ctes);
            Scope scope = new Scope(names);
            scope.from(update.getTable());
            scope.joins(update.getStartJoins());
            scope.from(update.getFromItem());
            scope.joins(update.getJoins());
            scope.condition(update.getWhere());
            if (update.getUpdateSets() != null) {
                for (UpdateSet set : update.getUpdateSets()) {
                    scope.other(set.getValues());
                }
            }
            scope.check("UPDATE");
        }

        private void delete(Delete delete, Set<String> ctes) {
            Set<String> names = with(delete.getWithItemsList(), ctes);
            Scope scope = new Scope(names);
            // DELETE t FROM a o JOIN b t ...: getTables() only names, among the tables below, whose rows go.
            scope.from(delete.getTable());
            if (delete.getUsingList() != null) {
                delete.getUsingList().forEach(scope::from);
            }
            scope.joins(delete.getJoins());
            scope.condition(delete.getWhere());
            scope.check("DELETE");
        }

        private void merge(Merge merge, Set<String> ctes) {
            Set<String> names = with(merge.getWithItemsList(), ctes);
            Scope scope = new Scope(names);
            scope.from(merge.getTable());
            scope.from(merge.getFromItem() != null ? merge.getFromItem() : merge.getUsingTable());
            scope.condition(merge.getOnCondition());
            scope.check("MERGE");
        }

        /** Checks every subquery of {@code expression}, each as a scope of its own. */
        private void subqueries(Expression expression, Set<String> ctes) {
            if (expression == null) {
                return;
            }
            expression.accept(
                    new ExpressionVisitorAdapter<Void>() {
                        @Override
                        public <S> Void visit(Select subquery, S context) {
                            select(subquery, ctes);
                            return null;
                        }
                    },
                    null);
        }

        /** The tables of one FROM (with its joins), the conditions that hold there, and its other expressions. */
        private final class Scope {
            private final Set<String> ctes;
            private final List<Table> tables = new ArrayList<>();
            private final List<Expression> conditions = new ArrayList<>();
            private final List<Expression> others = new ArrayList<>();
            private int items;

            Scope(Set<String> ctes) {
                this.ctes = ctes;
            }

            void from(FromItem item) {
                if (item == null) {
                    return;
                }
                Deque<FromItem> pending = new ArrayDeque<>(List.of(item));
                while (!pending.isEmpty()) {
                    FromItem next = pending.pop();
                    if (next instanceof ParenthesedFromItem nested) {
                        pending.push(nested.getFromItem());
                        if (nested.getJoins() != null) {
                            for (Join join : nested.getJoins()) {
                                pending.add(join.getRightItem());
                                onOf(join);
                            }
                        }
                        continue;
                    }
                    items++;
                    if (next instanceof Table table) {
                        boolean cte = table.getSchemaName() == null && ctes.contains(name(table));
                        if (!cte && !outsideWorkspaces(table)) {
                            tables.add(table);
                        }
                    } else if (next instanceof Select derived) {
                        select(derived, ctes);
                    } else if (next instanceof TableFunction function) {
                        // A function's rows, such as the elements of a JSON array in a column: no table to route,
                        // unless a query feeds it, which this check does not read.
                        if (function.getFunction()
                                .toString()
                                .toUpperCase(Locale.ROOT)
                                .contains("SELECT")) {
                            offences.add("a query inside " + function + " in FROM, which this check does not read");
                        }
                    } else {
                        offences.add(
                                "a " + next.getClass().getSimpleName() + " in FROM, which this check does not know");
                    }
                }
            }

            void joins(List<Join> joins) {
                if (joins != null) {
                    for (Join join : joins) {
                        from(join.getRightItem());
                        onOf(join);
                    }
                }
            }

            private void onOf(Join join) {
                if (join.getOnExpressions() != null) {
                    conditions.addAll(join.getOnExpressions());
                }
            }

            void condition(Expression condition) {
                if (condition != null) {
                    conditions.add(condition);
                }
            }

            void other(Expression expression) {
                if (expression != null) {
                    others.add(expression);
                }
            }

            void check(String kind) {
                List<Expression> conjuncts = new ArrayList<>();
                conditions.forEach(condition -> conjuncts(condition, conjuncts));
                for (Table table : tables) {
                    String column = workspaceColumn(name(table));
                    String qualifier = table.getAlias() != null
                            ? table.getAlias().getName().toLowerCase(Locale.ROOT)
                            : name(table);
                    if (conjuncts.stream().noneMatch(c -> namesWorkspace(c, column, qualifier))) {
                        offences.add(name(table) + (qualifier.equals(name(table)) ? "" : " " + qualifier) + " has no "
                                + qualifier + "." + column + " = <parameter or literal> in the WHERE or ON of its "
                                + kind);
                    }
                }
                conditions.forEach(condition -> subqueries(condition, ctes));
                others.forEach(expression -> subqueries(expression, ctes));
            }

            /** {@code qualifier.column = constant} (or the other way round); unqualified in a scope of one table. */
            private boolean namesWorkspace(Expression conjunct, String column, String qualifier) {
                if (!(conjunct instanceof EqualsTo equals)) {
                    return false;
                }
                return (isColumn(equals.getLeftExpression(), column, qualifier)
                                && isConstant(equals.getRightExpression()))
                        || (isColumn(equals.getRightExpression(), column, qualifier)
                                && isConstant(equals.getLeftExpression()));
            }

            private boolean isColumn(Expression expression, String column, String qualifier) {
                if (!(expression instanceof Column named)
                        || !named.getUnquotedColumnName().equalsIgnoreCase(column)) {
                    return false;
                }
                Table of = named.getTable();
                if (of == null || of.getName() == null) {
                    return items == 1;
                }
                return name(of).equals(qualifier);
            }
        }

        private static boolean isConstant(Expression expression) {
            if (expression instanceof CastExpression cast) {
                return isConstant(cast.getLeftExpression());
            }
            return expression instanceof JdbcParameter
                    || expression instanceof JdbcNamedParameter
                    || expression instanceof StringValue
                    || expression instanceof LongValue;
        }

        /** The conjuncts of {@code condition}: its ANDs taken apart, parentheses dropped; OR and NOT stay whole. */
        private static void conjuncts(Expression condition, List<Expression> into) {
            if (condition instanceof AndExpression and) {
                conjuncts(and.getLeftExpression(), into);
                conjuncts(and.getRightExpression(), into);
            } else if (condition instanceof Parenthesis parenthesis) {
                conjuncts(parenthesis.getExpression(), into);
            } else if (condition instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                conjuncts(list.get(0), into);
            } else {
                into.add(condition);
            }
        }
    }
}
