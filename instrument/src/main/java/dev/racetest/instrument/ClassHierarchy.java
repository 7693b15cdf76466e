package dev.racetest.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Answer type questions from class files, never by loading classes.
 *
 * <p>Loading a class while rewriting would initialise nothing, but it would define the class in the
 * wrong loader (the parent) before the instrumenting loader could rewrite it, and can recurse into
 * the loader being defined. So superclass chains and field flags are read from the bytes that
 * {@code source.getResource} finds. A class whose bytes cannot be found is unknown: it ends a
 * superclass chain and has no fields, so its fields count as neither final nor volatile.
 *
 * <p>One hierarchy per source loader, shared by every rewrite that uses it; thread-safe.
 */
final class ClassHierarchy {

    static final String OBJECT = "java/lang/Object";
    private static final String THREAD = "java/lang/Thread";

    /** Keyed weakly: the hierarchy holds its loader weakly too, so neither keeps the other alive. */
    private static final Map<ClassLoader, ClassHierarchy> BY_SOURCE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final WeakReference<ClassLoader> source;
    private final ConcurrentHashMap<String, Optional<ClassInfo>> infos = new ConcurrentHashMap<>();

    private ClassHierarchy(ClassLoader source) {
        this.source = new WeakReference<>(source);
    }

    /** Return the shared hierarchy that reads class files through {@code source}. */
    static ClassHierarchy of(ClassLoader source) {
        return BY_SOURCE.computeIfAbsent(source, ClassHierarchy::new);
    }

    /** What a class file says about its place in the hierarchy. */
    record ClassInfo(String name, String superName, List<String> interfaces, boolean isInterface,
                     Map<String, Integer> fieldAccess, Set<String> benignRaceFields) {

        static ClassInfo parse(ClassReader reader) {
            Map<String, Integer> fields = new HashMap<>();
            Set<String> benign = new HashSet<>();
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    String key = name + ':' + descriptor;
                    fields.put(key, access);
                    return new FieldVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                            if (BENIGN_RACE.equals(annotation)) {
                                benign.add(key);
                            }
                            return null;
                        }
                    };
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new ClassInfo(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, Map.copyOf(fields), Set.copyOf(benign));
        }
    }

    /**
     * A field as the class that declares it knows it.
     *
     * @param declaringClass the internal name of the declaring class
     * @param access         its access flags
     * @param benignRace     whether it is annotated {@code @dev.racetest.BenignRace}
     */
    record Field(String declaringClass, String name, int access, boolean benignRace) {
    }

    /** The descriptor of {@code dev.racetest.BenignRace}, which lives in the engine's API, named here by text. */
    static final String BENIGN_RACE = "Ldev/racetest/BenignRace;";

    /** Make the class being rewritten known even when the source cannot find its bytes. */
    void remember(ClassReader reader) {
        Optional<ClassInfo> known = infos.get(reader.getClassName());
        if (known == null || known.isEmpty()) {
            infos.put(reader.getClassName(), Optional.of(ClassInfo.parse(reader)));
        }
    }

    /** Return the most specific common superclass of two classes, as {@code ClassWriter} needs for frames. */
    String commonSuperClass(String type1, String type2) {
        if (type1.equals(type2)) {
            return type1;
        }
        if (type1.startsWith("[") || type2.startsWith("[")) {
            return OBJECT;
        }
        if (supertypes(type2).contains(type1)) {
            return type1;
        }
        if (supertypes(type1).contains(type2)) {
            return type2;
        }
        Optional<ClassInfo> info1 = info(type1);
        Optional<ClassInfo> info2 = info(type2);
        if (info1.isEmpty() || info2.isEmpty() || info1.get().isInterface() || info2.get().isInterface()) {
            return OBJECT;
        }
        Set<String> chain2 = new HashSet<>(superclassChain(type2));
        for (String candidate : superclassChain(type1)) {
            if (chain2.contains(candidate)) {
                return candidate;
            }
        }
        return OBJECT;
    }

    /** Return whether {@code internalName} is {@code java/lang/Thread} or one of its subclasses. */
    boolean isThread(String internalName) {
        return !internalName.startsWith("[") && superclassChain(internalName).contains(THREAD);
    }

    /**
     * Return whether {@code internalName} is {@code supertype} or extends or implements it, as far as
     * class files can be found.
     */
    boolean isSubtypeOf(String internalName, String supertype) {
        return internalName.equals(supertype)
                || !internalName.startsWith("[") && supertypes(internalName).contains(supertype);
    }

    /** Return the superclasses of {@code internalName}, nearest first, as far as their bytes can be found. */
    List<String> superclasses(String internalName) {
        if (internalName.startsWith("[")) {
            return List.of(OBJECT);
        }
        List<String> chain = superclassChain(internalName);
        return chain.subList(1, chain.size());
    }

    /**
     * Return the access flags of the field a {@code GETFIELD}/{@code PUTFIELD}/... instruction names,
     * resolved as the JVM does (the class, its superinterfaces, then its superclass), or {@code 0}
     * when no class on the way declares it.
     */
    int fieldAccess(String owner, String name, String descriptor) {
        Field field = field(owner, name, descriptor);
        return field == null ? 0 : field.access();
    }

    /**
     * Return the field a field instruction names, resolved as {@link #fieldAccess} resolves it, or
     * {@code null} when no class on the way declares it.
     */
    Field field(String owner, String name, String descriptor) {
        String key = name + ':' + descriptor;
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.add(owner);
        while (!pending.isEmpty()) {
            String current = pending.removeFirst();
            Optional<ClassInfo> info = seen.add(current) ? info(current) : Optional.empty();
            if (info.isEmpty()) {
                continue;
            }
            Integer access = info.get().fieldAccess().get(key);
            if (access != null) {
                return new Field(current, name, access, info.get().benignRaceFields().contains(key));
            }
            pending.addAll(info.get().interfaces());
            if (info.get().superName() != null) {
                pending.addLast(info.get().superName());
            }
        }
        return null;
    }

    /** Return the class and its superclasses, nearest first, as far as their bytes can be found. */
    private List<String> superclassChain(String internalName) {
        List<String> chain = new ArrayList<>();
        for (String current = internalName; current != null && !chain.contains(current); ) {
            chain.add(current);
            current = info(current).map(ClassInfo::superName).orElse(null);
        }
        return chain;
    }

    /** Return the class, its superclasses and all interfaces they implement. */
    private Set<String> supertypes(String internalName) {
        Set<String> all = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(internalName));
        while (!pending.isEmpty()) {
            String current = pending.removeFirst();
            if (all.add(current)) {
                info(current).ifPresent(info -> {
                    if (info.superName() != null) {
                        pending.add(info.superName());
                    }
                    pending.addAll(info.interfaces());
                });
            }
        }
        return all;
    }

    private Optional<ClassInfo> info(String internalName) {
        Optional<ClassInfo> known = infos.get(internalName);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: reading may be slow, and two threads parsing the same class is harmless.
        Optional<ClassInfo> read = read(internalName);
        Optional<ClassInfo> raced = infos.putIfAbsent(internalName, read);
        return raced != null ? raced : read;
    }

    private Optional<ClassInfo> read(String internalName) {
        ClassLoader loader = source.get();
        URL url = loader == null ? null : loader.getResource(internalName + ".class");
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            return Optional.of(ClassInfo.parse(new ClassReader(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url + " to learn the superclass of " + internalName, e);
        }
    }
}
