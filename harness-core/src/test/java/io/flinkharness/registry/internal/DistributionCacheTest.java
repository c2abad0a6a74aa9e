package io.flinkharness.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionCacheTest {
    @TempDir
    Path dir;

    private Path zip(String name, String... entriesAndContents) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < entriesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(entriesAndContents[i]));
                out.write(entriesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void extractsOnceAndReusesTheDirectory() throws IOException {
        Path zip = zip("app-1.0-all.zip", "app-1.0-runner.jar", "runner", "lib/a.jar", "a");
        DistributionCache cache = new DistributionCache(dir.resolve("cache"));

        DistributionCache.Extracted first = cache.extract(zip);
        DistributionCache.Extracted second = cache.extract(zip);

        assertThat(first.fresh()).isTrue();
        assertThat(second.fresh()).isFalse();
        assertThat(second.directory()).isEqualTo(first.directory());
        assertThat(first.directory().getFileName().toString()).isEqualTo("app-1.0-all-" + Files.size(zip));
        assertThat(first.directory().resolve("lib/a.jar")).hasContent("a");
        assertThat(DistributionCache.find(first.directory(), "-runner.jar", zip))
                .isEqualTo(first.directory().resolve("app-1.0-runner.jar"));
        try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
            assertThat(left).as("no staging directory left behind").containsExactly(first.directory());
        }
    }

    @Test
    void twoExtractingAtOnceGetTheSameCompleteDirectory() throws Exception {
        Path zip = zip("app-2.0-all.zip", "app-2.0-runner.jar", "runner", "lib/b.jar", "b");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<DistributionCache.Extracted>> racers = Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return new DistributionCache(dir.resolve("cache")).extract(zip);
                }))
                .toList();
        go.countDown();

        DistributionCache.Extracted a = racers.get(0).get();
        DistributionCache.Extracted b = racers.get(1).get();

        assertThat(a.directory()).isEqualTo(b.directory());
        assertThat(a.directory().resolve("lib/b.jar")).hasContent("b");
        try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
            assertThat(left).containsExactly(a.directory());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFileThatIsNotAZipSaysHowToFixIt() throws IOException {
        Path zip = Files.writeString(dir.resolve("broken-all.zip"), "not a zip");

        assertThatThrownBy(() -> new DistributionCache(dir.resolve("cache")).extract(zip))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(zip + " is not a readable zip (zip END header not found) — delete it and fetch it again");
    }

    @Test
    void anEntryPointingOutsideIsRefused() throws IOException {
        Path zip = zip("evil-all.zip", "../evil.txt", "x");

        assertThatThrownBy(() -> new DistributionCache(dir.resolve("cache")).extract(zip))
                .hasMessage(zip + " is not a usable distribution: entry '../evil.txt' points outside the directory it"
                        + " is extracted to");
        assertThat(dir.resolve("cache/evil.txt")).doesNotExist();
    }

    @Test
    void aZipWithoutTheRunnerJarSaysSo() throws IOException {
        Path zip = zip("other-all.zip", "readme.txt", "hi");
        Path extracted = new DistributionCache(dir.resolve("cache")).extract(zip).directory();

        assertThatThrownBy(() -> DistributionCache.find(extracted, "-runner.jar", zip))
                .hasMessage("no *-runner.jar in " + zip + " (extracted to " + extracted + ") — is it the right"
                        + " distribution?");
    }
}
