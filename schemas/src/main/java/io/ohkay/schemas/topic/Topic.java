package io.ohkay.schemas.topic;

/**
 * A typed topic descriptor.
 *
 * @param name the Kafka topic name
 * @param keyType what the record key holds (always a UTF-8 string on the wire)
 * @param valueType the JSON value type, read and written with {@link io.ohkay.schemas.json.Json}
 * @param partitions partitions created by default
 * @param retentionMs {@code -1} for the source-of-truth topics, kept forever
 */
public record Topic<V>(
    String name, String keyType, Class<V> valueType, int partitions, long retentionMs) {

  /**
   * The topic's name inside a namespace: {@code prefix + name}. Production uses the empty prefix;
   * tests sharing one broker use a unique prefix each ({@code ohkay.*.topic-prefix}).
   */
  public String in(String prefix) {
    return prefix + name;
  }

  /** The dead-letter topic of this one in a namespace: same key, original bytes, origin headers. */
  public String deadLetterIn(String prefix) {
    return prefix + name + ".dlq";
  }
}
