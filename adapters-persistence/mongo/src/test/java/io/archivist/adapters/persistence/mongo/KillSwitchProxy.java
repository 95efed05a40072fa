package io.archivist.adapters.persistence.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the test server that can die: {@link #kill} closes every connection and
 * the listening socket at once, so that nothing more of a process reaches the database, as when the
 * process is killed. A store talking through it is the process under test.
 */
final class KillSwitchProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean killed;

    KillSwitchProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "kill-switch-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String uri() {
        return "mongodb://127.0.0.1:" + listener.getLocalPort();
    }

    void kill() {
        killed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(KillSwitchProxy::closeQuietly);
    }

    @Override
    public void close() {
        kill();
    }

    private void accept() {
        while (!killed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                sockets.add(client);
                sockets.add(server);
                if (killed) {
                    kill();
                    return;
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n; !killed && (n = in.read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // the other side closed, or the switch was pulled
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "kill-switch-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
