package io.archivist.adapters.persistence.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts, at the JDBC boundary, every round trip the store makes (each executed
 * statement or batch, commit, rollback and savepoint) and every row it reads from a result set; shows
 * each prepared statement, with its parameters, to {@link #beforeExecute} just before it runs; and hands
 * the SQL text of every statement sent (prepared, batched or plain) to {@link #sent}.
 */
final class CountingDataSource implements DataSource {

    private static final Set<String> CONNECTION_ROUND_TRIPS =
            Set.of("commit", "rollback", "setSavepoint", "releaseSavepoint");

    final AtomicLong roundTrips = new AtomicLong();
    final AtomicLong rowsRead = new AtomicLong();
    /** Sees each single (not batched) prepared statement on its connection, before the statement runs. */
    volatile Consumer<Prepared> beforeExecute = prepared -> {};
    /**
     * Sees the SQL of each statement as it is sent: a prepared statement's at each execution (a batch once), a
     * plain statement's at each execute and addBatch.
     */
    volatile Consumer<String> sent = sql -> {};

    private final DataSource target;

    /** A prepared statement about to run: its SQL, the set* calls that bound its parameters, its query timeout. */
    record Prepared(Connection connection, String sql, List<Bound> parameters, int queryTimeout) {
        /** Binds the same parameters on {@code other}, a statement with the same placeholders. */
        void bind(PreparedStatement other) throws SQLException {
            for (Bound bound : parameters) {
                try {
                    bound.setter().invoke(other, bound.args());
                } catch (ReflectiveOperationException e) {
                    throw new SQLException(
                            "cannot bind again with " + bound.setter().getName(), e);
                }
            }
        }
    }

    record Bound(Method setter, Object[] args) {}

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    void reset() {
        roundTrips.set(0);
        rowsRead.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return (Connection) wrap(Connection.class, target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return (Connection) wrap(Connection.class, target.getConnection(username, password));
    }

    private Object wrap(Class<?> type, Object real) {
        return wrap(type, real, null, null);
    }

    private Object wrap(Class<?> type, Object real, Connection connection, String sql) {
        List<Bound> parameters = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (real instanceof PreparedStatement
                    && name.startsWith("set")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof Integer) {
                parameters.add(new Bound(method, args.clone()));
            }
            if (real instanceof PreparedStatement
                    && sql != null
                    && name.startsWith("execute")
                    && !name.equals("executeBatch")
                    && (args == null || args.length == 0)) {
                beforeExecute.accept(
                        new Prepared(connection, sql, List.copyOf(parameters), ((Statement) real).getQueryTimeout()));
            }
            if (real instanceof PreparedStatement && sql != null && name.startsWith("execute")) {
                sent.accept(sql);
            } else if (real instanceof Statement
                    && !(real instanceof PreparedStatement)
                    && (name.startsWith("execute") || name.equals("addBatch"))
                    && args != null
                    && args.length >= 1
                    && args[0] instanceof String text) {
                sent.accept(text);
            }
            if (name.equals("clearParameters")) {
                parameters.clear();
            }
            Object result = invoke(real, method, args);
            if (real instanceof Connection && CONNECTION_ROUND_TRIPS.contains(name)) {
                roundTrips.incrementAndGet();
            }
            if (real instanceof Statement && name.startsWith("execute")) {
                roundTrips.incrementAndGet();
            }
            if (real instanceof ResultSet && name.equals("next") && Boolean.TRUE.equals(result)) {
                rowsRead.incrementAndGet();
            }
            if (result instanceof ResultSet rows && !(real instanceof ResultSet)) {
                return wrap(ResultSet.class, rows);
            }
            if (result instanceof PreparedStatement statement && real instanceof Connection c) {
                return wrap(
                        PreparedStatement.class,
                        statement,
                        c,
                        name.equals("prepareStatement") ? (String) args[0] : null);
            }
            if (result instanceof Statement statement && real instanceof Connection) {
                return wrap(Statement.class, statement);
            }
            return result;
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("counting");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
