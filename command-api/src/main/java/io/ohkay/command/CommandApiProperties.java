package io.ohkay.command;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the write side, prefix {@code ohkay.command-api}.
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code localhost:9092}
 * @param topicPrefix prefix of every topic name (empty in production, unique per test)
 * @param applicationId Kafka Streams application id of the decider (also its group id)
 * @param replicationFactor replication factor of created topics (1 on a single broker)
 * @param stateDir directory of the decider's local state stores (RocksDB)
 * @param commitInterval decider commit interval: the upper bound of its added latency under EOS
 * @param outcomeTimeout how long a write waits for its outcome before answering 202
 * @param accessTokenKeyFile the JWK file of the access-token key pair (generated if absent)
 * @param accessTokenTtl lifetime of access tokens
 */
@Validated
@ConfigurationProperties("ohkay.command-api")
public record CommandApiProperties(
    @NotBlank String bootstrapServers,
    @DefaultValue("") String topicPrefix,
    @DefaultValue("ohkay-decider") @NotBlank String applicationId,
    @DefaultValue("1") @Min(1) short replicationFactor,
    @NotNull Path stateDir,
    @DefaultValue("10ms") @NotNull Duration commitInterval,
    @DefaultValue("5s") @NotNull Duration outcomeTimeout,
    @NotNull Path accessTokenKeyFile,
    @DefaultValue("15m") @NotNull Duration accessTokenTtl) {}
