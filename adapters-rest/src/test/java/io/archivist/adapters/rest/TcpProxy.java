package io.archivist.adapters.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a port of 127.0.0.1 in front of a database server, so that a test can take the database away from
 * a running service and give it back without touching the server, which other tests and checkouts use: {@link
 * #cut()} drops every connection and refuses new ones, {@link #restore()} listens on the same port again.
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket listening;

    TcpProxy(String host, int targetPort) {
        this.target = new InetSocketAddress(host, targetPort);
        this.listening = listen(0);
        this.port = listening.getLocalPort();
        accept(listening);
    }

    int port() {
        return port;
    }

    /** As if the database went away: every connection dropped, every new one refused. */
    void cut() throws IOException {
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** The database is back, on the same port. */
    void restore() {
        listening = listen(port);
        accept(listening);
    }

    @Override
    public void close() throws IOException {
        cut();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(target.getHostString(), target.getPort());
                    open.add(client);
                    open.add(upstream);
                    threads.execute(() -> pipe(client, upstream));
                    threads.execute(() -> pipe(upstream, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException dropped) {
            // one side closed: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
