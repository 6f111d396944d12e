package io.ohkay.projector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ohkay.projector.TestEvents.ChannelLife;

/** The server database rows {@link TestEvents#channelLife()} ends with. */
public final class ChannelRows {

  private ChannelRows() {}

  /**
   * Channels are "archive" at 0 and "lobby" (the first channel, renamed) at 1, "random" is gone;
   * the messages are lobby's three (seq 4, 5 and 15), none of "random" survives and none points at
   * a missing channel.
   */
  public static void assertProjected(
      ProjectorTestEnvironment environment, String database, ChannelLife life) throws Exception {
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(id || ' ' || name || ' ' || position, ',' ORDER BY position)"
                    + " FROM channels"))
        .isEqualTo(life.archive() + " archive 0," + life.history().channel() + " lobby 1");
    assertThat(
            environment.queryString(
                database,
                "SELECT string_agg(channel_id || ' ' || seq, ',' ORDER BY seq) FROM messages"))
        .isEqualTo(
            life.history().channel()
                + " 4,"
                + life.history().channel()
                + " 5,"
                + life.history().channel()
                + " 15");
    assertThat(
            environment.queryLong(
                database,
                "SELECT count(*) FROM messages m"
                    + " WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.id = m.channel_id)"))
        .isZero();
  }
}
