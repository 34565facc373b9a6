package org.flashpoint.deploy.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void theEphemeralRangeIsTheKernelsWhereItCanBeRead() throws IOException {
        int expected = LoopbackPorts.DEFAULT_EPHEMERAL_START;
        if (Files.isReadable(RANGE)) {
            List<String> lines = Files.readAllLines(RANGE);
            expected = Integer.parseInt(lines.get(0).trim().split("\\s+")[0]);
        }
        assertThat(LoopbackPorts.ephemeralStart()).isEqualTo(expected);
    }

    @Test
    void aRangeLineGivesItsFirstNumberAndAnythingElseTheDefault() {
        assertThat(LoopbackPorts.rangeStart("32768\t60999\n")).isEqualTo(32768);
        assertThat(LoopbackPorts.rangeStart("1024 65535")).isEqualTo(1024);
        assertThat(LoopbackPorts.rangeStart("")).isEqualTo(LoopbackPorts.DEFAULT_EPHEMERAL_START);
        assertThat(LoopbackPorts.rangeStart(null)).isEqualTo(LoopbackPorts.DEFAULT_EPHEMERAL_START);
    }

    @Test
    void portsAreBindableDistinctAndBelowTheEphemeralRange() throws IOException {
        int ephemeralStart = LoopbackPorts.ephemeralStart();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = LoopbackPorts.freePort();
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            if (ephemeralStart > LoopbackPorts.LOWEST) {
                assertThat(port).isBetween(LoopbackPorts.LOWEST, ephemeralStart - 1);
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortWithAListenerIsNotFree() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LoopbackPorts.isFree(socket.getLocalPort())).isFalse();
        }
        assertThat(LoopbackPorts.isFree(LoopbackPorts.freePort())).isTrue();
    }
}
