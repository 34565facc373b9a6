package org.flashpoint.deploy.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

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
