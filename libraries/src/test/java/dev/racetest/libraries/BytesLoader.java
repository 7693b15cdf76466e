package dev.racetest.libraries;

import java.util.Map;

/**
 * Define the given class files child-first and delegate every other class to the parent: a
 * throwaway loader in which a class's bytes, rewritten or not, are linked by the JVM itself.
 */
final class BytesLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classFiles;

    BytesLoader(ClassLoader parent, Map<String, byte[]> classFiles) {
        super(parent);
        this.classFiles = classFiles;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classFiles.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }
}
