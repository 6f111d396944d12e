package io.ohkay.bench.fanout;

import reactor.netty.resources.LoopResources;

/**
 * The event loops a fan-out command measures all its targets on: two for the subscribers' streams
 * ({@code bench-streams}) and one for posting ({@code bench-post}). The streams' loops are
 * colocated (reactor-netty's default: a connection opened from one of its loops stays on that
 * loop), so in practice every subscriber is read on one thread, and a core is left to the target.
 * Loops not colocated spread the subscribers over both threads: with 100 subscribers the edge then
 * held more (1,903 msg/s instead of 1,600), with 1,000 the two readers took the cores the target's
 * event loops needed during each burst, and the platform held less (40 msg/s instead of 80).
 */
record FanoutLoops(LoopResources streams, LoopResources post) {

  static FanoutLoops create() {
    return new FanoutLoops(
        LoopResources.create("bench-streams", 2, true),
        LoopResources.create("bench-post", 1, true));
  }

  /** Shuts both down, the streams' first, and waits until they are. */
  void dispose() {
    streams.disposeLater().block();
    post.disposeLater().block();
  }
}
