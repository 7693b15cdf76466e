package dev.racetest.substitutes;

import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Forward every call to another blocking queue, so that a JDK thread pool's calls on its work queue
 * pass through instrumented code.
 *
 * <p>That is all it is for: a {@code ThreadPoolExecutor} worker waits for work with
 * {@code workQueue.poll(keepAlive, unit)} from inside the JDK, where a timed wait runs on the real
 * clock. Made through this class, which racetest instruments like user code, the same call becomes a
 * call site in rewritten code, and the rewriting of timed JDK calls puts it on the execution's
 * virtual clock. The contract (thread safety, ordering, capacity, happens-before from insertion to
 * removal) is the wrapped queue's.
 *
 * @param <E> the type of the elements
 */
final class ForwardingBlockingQueue<E> implements BlockingQueue<E> {

    private final BlockingQueue<E> delegate;

    ForwardingBlockingQueue(BlockingQueue<E> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
    }

    @Override
    public boolean add(E element) {
        return delegate.add(element);
    }

    @Override
    public boolean offer(E element) {
        return delegate.offer(element);
    }

    @Override
    public void put(E element) throws InterruptedException {
        delegate.put(element);
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.offer(element, timeout, unit);
    }

    @Override
    public E take() throws InterruptedException {
        return delegate.take();
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.poll(timeout, unit);
    }

    @Override
    public int remainingCapacity() {
        return delegate.remainingCapacity();
    }

    @Override
    public boolean remove(Object element) {
        return delegate.remove(element);
    }

    @Override
    public boolean contains(Object element) {
        return delegate.contains(element);
    }

    @Override
    public int drainTo(Collection<? super E> target) {
        return delegate.drainTo(target);
    }

    @Override
    public int drainTo(Collection<? super E> target, int maxElements) {
        return delegate.drainTo(target, maxElements);
    }

    @Override
    public E remove() {
        return delegate.remove();
    }

    @Override
    public E poll() {
        return delegate.poll();
    }

    @Override
    public E element() {
        return delegate.element();
    }

    @Override
    public E peek() {
        return delegate.peek();
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public boolean isEmpty() {
        return delegate.isEmpty();
    }

    @Override
    public Iterator<E> iterator() {
        return delegate.iterator();
    }

    @Override
    public Object[] toArray() {
        return delegate.toArray();
    }

    @Override
    public <T> T[] toArray(T[] array) {
        return delegate.toArray(array);
    }

    @Override
    public <T> T[] toArray(IntFunction<T[]> generator) {
        return delegate.toArray(generator);
    }

    @Override
    public boolean containsAll(Collection<?> elements) {
        return delegate.containsAll(elements);
    }

    @Override
    public boolean addAll(Collection<? extends E> elements) {
        return delegate.addAll(elements);
    }

    @Override
    public boolean removeAll(Collection<?> elements) {
        return delegate.removeAll(elements);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        return delegate.removeIf(filter);
    }

    @Override
    public boolean retainAll(Collection<?> elements) {
        return delegate.retainAll(elements);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        delegate.forEach(action);
    }

    @Override
    public Spliterator<E> spliterator() {
        return delegate.spliterator();
    }

    @Override
    public Stream<E> stream() {
        return delegate.stream();
    }

    @Override
    public Stream<E> parallelStream() {
        return delegate.parallelStream();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
