package org.flashpoint.deploy.ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on the loopback interface for servers started a little later, often in another JVM (cluster nodes, roles).
 * A port the kernel picks for {@code new ServerSocket(0)} comes from its ephemeral range, the range it also gives
 * outgoing connections: between handing such a port out and the server binding it, any Kafka client on the machine
 * may take it as its local port, and the server then fails with "Address already in use" (seen in the fault tests).
 * So ports are picked below that range, and never twice by the same JVM.
 */
public final class LoopbackPorts {

    /** Where Linux's ephemeral range starts by default; used where the kernel's setting cannot be read. */
    static final int DEFAULT_EPHEMERAL_START = 32768;
    /** Lowest port handed out: well clear of the well-known and common service ports. */
    static final int LOWEST = 10000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Read once: the kernel's setting does not change under a running JVM in any setup this serves. */
    private static final int EPHEMERAL_START = ephemeralStart();
    private static final int ATTEMPTS = 500;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** True when nothing listens on {@code port} on the loopback interface. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port free on the loopback interface now, below the ephemeral range and not handed out before by this JVM; a
     * port the kernel picks where that range leaves no room below it.
     */
    public static int freePort() {
        int span = EPHEMERAL_START - LOWEST;
        for (int attempt = 0; span > 0 && attempt < ATTEMPTS; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(span);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return anyFreePort();
    }

    /**
     * First port of the kernel's ephemeral range. Read line by line: {@code Files.readString} trusts the size procfs
     * reports and returned only the first character of the line here.
     */
    static int ephemeralStart() {
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return rangeStart(reader.readLine());
        } catch (IOException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /** The first number of a range line such as {@code "32768\t60999"}; the default where there is none. */
    static int rangeStart(String line) {
        try {
            return Integer.parseInt(line.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private static int anyFreePort() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
