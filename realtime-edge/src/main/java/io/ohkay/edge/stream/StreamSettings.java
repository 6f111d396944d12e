package io.ohkay.edge.stream;

import java.time.Duration;

/**
 * What the live stream needs from the edge's configuration.
 *
 * @param bootstrapServers the Kafka cluster of the events topics
 * @param topicPrefix the namespace of the topic names
 * @param heartbeatInterval how often a connection gets a {@code :hb} comment (SSE) or a ping
 *     (WebSocket)
 * @param connectionBufferSize events buffered per connection before it overflows
 * @param resumeMemoryRecords the latest events kept in memory for resuming connections
 */
public record StreamSettings(
    String bootstrapServers,
    String topicPrefix,
    Duration heartbeatInterval,
    int connectionBufferSize,
    int resumeMemoryRecords) {}
