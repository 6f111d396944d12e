package io.ohkay.command.user;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Who is asking, for rate limits and the login history: the peer address (a proxy in front must be
 * configured to pass the client's own) and the User-Agent, cut to 512 characters.
 */
record ClientInfo(String ip, @Nullable String userAgent) {

  private static final int MAX_USER_AGENT = 512;

  static ClientInfo of(ServerRequest request) {
    var ip =
        request
            .remoteAddress()
            .map(InetSocketAddress::getAddress)
            .map(address -> address.getHostAddress())
            .orElse("unknown");
    var agent = request.headers().firstHeader(HttpHeaders.USER_AGENT);
    if (agent != null && agent.length() > MAX_USER_AGENT) {
      agent = agent.substring(0, MAX_USER_AGENT);
    }
    return new ClientInfo(ip, agent);
  }
}
