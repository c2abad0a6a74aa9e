package io.flinkharness.cli;

import io.flinkharness.env.EnvironmentSettings;
import io.flinkharness.env.FlinkKafkaEnvironment;

/** Starts the environment the cases run on, by name and settings ({@code Environments::start}; tests give their own). */
@FunctionalInterface
public interface EnvironmentStarter {
    FlinkKafkaEnvironment start(String name, EnvironmentSettings settings);
}
