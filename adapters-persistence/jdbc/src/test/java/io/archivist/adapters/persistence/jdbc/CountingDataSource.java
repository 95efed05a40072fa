package io.archivist.adapters.persistence.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A DataSource that counts, at the JDBC boundary, every round trip the store makes (each executed
 * statement or batch, commit, rollback and savepoint) and every row it reads from a result set.
 */
final class CountingDataSource implements DataSource {

    private static final Set<String> CONNECTION_ROUND_TRIPS = Set.of("commit", "rollback", "setSavepoint", "releaseSavepoint");

    final AtomicLong roundTrips = new AtomicLong();
    final AtomicLong rowsRead = new AtomicLong();
    private final DataSource target;

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
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            String name = method.getName();
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
            if (result instanceof Statement statement && real instanceof Connection) {
                return wrap(statement instanceof java.sql.PreparedStatement
                        ? java.sql.PreparedStatement.class : Statement.class, statement);
            }
            return result;
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, handler);
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
