package dev.racetest.libraries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * One jar on the test class path, found through a class it holds.
 *
 * @param name   the artifact, as printed in the figures
 * @param marker a class of the jar; only its code source is used, the class is never initialised
 */
record Library(String name, Class<?> marker) {

    /** The jars every class of which is instrumented, in the order the figures print them. */
    static List<Library> all() {
        return List.of(
                new Library("guava", com.google.common.collect.ImmutableList.class),
                new Library("caffeine", com.github.benmanes.caffeine.cache.Caffeine.class),
                new Library("commons-lang3", org.apache.commons.lang3.StringUtils.class),
                new Library("commons-collections4", org.apache.commons.collections4.CollectionUtils.class),
                new Library("jackson-core", com.fasterxml.jackson.core.JsonFactory.class),
                new Library("jackson-annotations", com.fasterxml.jackson.annotation.JsonProperty.class),
                new Library("jackson-databind", com.fasterxml.jackson.databind.ObjectMapper.class),
                new Library("netty-common", io.netty.util.concurrent.EventExecutor.class),
                new Library("netty-buffer", io.netty.buffer.ByteBuf.class),
                new Library("jctools-core", org.jctools.queues.MpscArrayQueue.class),
                new Library("kotlin-stdlib", kotlin.collections.CollectionsKt.class),
                new Library("kotlinx-coroutines-core", kotlinx.coroutines.BuildersKt.class),
                new Library("scala-library", scala.collection.immutable.List.class),
                // Already on the test class path through AssertJ: two more large, widely used jars.
                new Library("assertj-core", org.assertj.core.api.Assertions.class),
                new Library("byte-buddy", net.bytebuddy.ByteBuddy.class));
    }

    /** One class file of the jar. */
    record ClassFile(String binaryName, byte[] bytes) {
    }

    /** Return the jar's file. */
    Path jar() {
        try {
            return Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the code source of " + marker + " is not a path", e);
        }
    }

    /**
     * Return every class file of the jar as the JVM running the test would load it: for a
     * multi-release jar, the version of each class for this JVM. {@code module-info} is left out,
     * since it is never loaded as a class.
     */
    List<ClassFile> classFiles() {
        List<ClassFile> files = new ArrayList<>();
        try (JarFile jar = new JarFile(jar().toFile(), false, ZipFile.OPEN_READ, Runtime.version())) {
            for (JarEntry entry : jar.versionedStream().toList()) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.endsWith("module-info.class") || name.startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    String binaryName = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    files.add(new ClassFile(binaryName, in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar(), e);
        }
        return files;
    }
}
