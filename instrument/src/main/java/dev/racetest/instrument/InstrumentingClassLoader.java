package dev.racetest.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Load user classes with every synchronisation point rewritten into a hook call.
 *
 * <p>For a class the {@link InstrumentationPolicy} instruments, this loader is child-first: it reads
 * the class file through {@code parent.getResource}, rewrites it with {@link ClassRewriter} and
 * defines it itself, in a protection domain whose code source is the class file's original location.
 * Everything else — excluded names (the JDK, test frameworks, racetest and its hooks, so
 * {@code Hooks} is one class for both loaders) and classes whose bytes the parent cannot find — is
 * delegated to the parent.
 *
 * <p>Rewritten bytes are cached for the whole JVM, keyed by the class file's URL, so the many loaders
 * of a test run (one per test, or per execution) rewrite each class once and share its sync sites.
 * The cache assumes the bytes behind a URL, and the hierarchy the parent sees, do not change while
 * the JVM runs.
 *
 * <p>A class that cannot be rewritten makes {@link #loadClass} throw {@link InstrumentationException}
 * (see there why it is not wrapped). Parallel capable: classes load under per-name locks.
 */
public final class InstrumentingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final ClassRewriter REWRITER = new ClassRewriter();
    /** Rewritten class files by the URL string of the original; values are never mutated. */
    private static final ConcurrentHashMap<String, byte[]> REWRITTEN = new ConcurrentHashMap<>();

    private final ClassLoader parent;
    private final InstrumentationPolicy policy;
    private final ConcurrentHashMap<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

    /**
     * Create a loader that rewrites the classes {@code policy} instruments and reads their bytes from
     * {@code parent}, which also loads every other class.
     */
    public InstrumentingClassLoader(ClassLoader parent, InstrumentationPolicy policy) {
        // Unnamed on purpose: a named loader prefixes every stack frame of user code with its name.
        super(Objects.requireNonNull(parent, "parent must not be null"));
        this.parent = parent;
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
    }

    /** Return the policy that decides which classes this loader rewrites. */
    public InstrumentationPolicy policy() {
        return policy;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!policy.instruments(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                String resource = name.replace('.', '/') + ".class";
                URL url = parent.getResource(resource);
                if (url == null) {
                    return super.loadClass(name, resolve);
                }
                loaded = define(name, resource, url);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name, String resource, URL url) throws ClassNotFoundException {
        String key = url.toString();
        byte[] bytes = REWRITTEN.get(key);
        if (bytes == null) {
            // Not computeIfAbsent: rewriting is slow and would block other keys of the same bin.
            // Two loaders racing here rewrite twice; the first result wins and the other is dropped.
            byte[] rewritten = REWRITER.rewrite(name, read(name, url), parent);
            byte[] raced = REWRITTEN.putIfAbsent(key, rewritten);
            bytes = raced != null ? raced : rewritten;
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, domainFor(key, resource));
    }

    private static byte[] read(String name, URL url) throws ClassNotFoundException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException("could not read the class file of " + name + " from " + url, e);
        }
    }

    private void definePackageOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String packageName = name.substring(0, dot);
        if (getDefinedPackage(packageName) == null) {
            try {
                definePackage(packageName, null, null, null, null, null, null, null);
            } catch (IllegalArgumentException raced) {
                // Another thread defined it between the check and here: the package exists, as wanted.
            }
        }
    }

    private ProtectionDomain domainFor(String url, String resource) {
        String location = codeSourceLocation(url, resource);
        return domains.computeIfAbsent(location, this::newDomain);
    }

    private ProtectionDomain newDomain(String location) {
        URL url;
        try {
            url = location.isEmpty() ? null : new URI(location).toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            url = null;
        }
        return new ProtectionDomain(new CodeSource(url, (CodeSigner[]) null), null, this, null);
    }

    /**
     * Return where a class file comes from, as the parent would report it: the jar for
     * {@code jar:file:/x.jar!/a/B.class}, the directory for {@code file:/classes/a/B.class}.
     */
    static String codeSourceLocation(String url, String resource) {
        if (url.startsWith("jar:")) {
            int separator = url.indexOf("!/");
            return separator < 0 ? "" : url.substring("jar:".length(), separator);
        }
        return url.endsWith(resource) ? url.substring(0, url.length() - resource.length()) : "";
    }
}
