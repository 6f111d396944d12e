package io.ohkay.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free loopback ports, never the same one twice in this JVM (servers start in parallel). */
final class FreePort {

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePort() {}

  /** The given port, or a free one when it is 0. */
  static int orFree(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
    return port == 0 ? next() : port;
  }

  static int next() {
    while (true) {
      int port = probe();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }
}
