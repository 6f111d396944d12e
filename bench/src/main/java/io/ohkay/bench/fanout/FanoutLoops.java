package io.ohkay.bench.fanout;

import reactor.netty.resources.LoopResources;

/**
 * The event loops a fan-out command measures all its targets on: two for the subscribers' streams
 * ({@code bench-streams}) and one for posting ({@code bench-post}).
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
