package io.ohkay.edge.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * Keeps reading a keep-alive connection after each response: works around reactor-netty#4361
 * (reactor-netty 1.3.7, the Boot BOM's). A request that arrives while the previous one is still
 * being answered is queued; when it is then answered at once (a refusal decided before any I/O,
 * like {@code GET /api/dms?before=nope}), the server stops reading the connection, and the client's
 * next request on it is never answered. The fix (1.3.8) needs netty 4.2.19, whose native transports
 * our registry does not have.
 *
 * <p>Once a response's last part is written, this asks the connection for its next read, as the
 * fixed version does. Asking when reactor-netty already has is harmless: a read is only wanted
 * once, and a request read early is queued as before. Drop this class once reactor-netty ≥ 1.3.8
 * can be used ({@code KeepAliveTest} shows the hang without it).
 */
public final class KeepAliveReads {

  private static final String HANDLER = "ohkay.keepAliveReads";

  private KeepAliveReads() {}

  /** The customizer of the HTTP server the edge (or the whole platform) runs on. */
  public static NettyServerCustomizer customizer() {
    return KeepAliveReads::on;
  }

  /** {@code server}, reading each connection again after every response. */
  static HttpServer on(HttpServer server) {
    return server.doOnChannelInit(
        (observer, channel, remoteAddress) -> {
          if (channel.pipeline().get(HANDLER) == null) {
            channel.pipeline().addLast(HANDLER, new ReadAfterResponse());
          }
        });
  }

  private static final class ReadAfterResponse extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof LastHttpContent) {
        var channel = ctx.channel();
        // After the write and whatever reactor-netty runs when it completes, on the same loop.
        promise = promise.unvoid();
        promise.addListener(written -> channel.eventLoop().execute(channel::read));
      }
      ctx.write(msg, promise);
    }
  }
}
