package dev.racetest.instrument.hooks;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;

/**
 * Stand in for the timed waits of blocking queues and completion services at call sites in rewritten
 * code, so that their timeouts run on the virtual clock.
 *
 * <p>Each method takes the receiver, the call's arguments and a site id, follows the shape described in
 * {@link Waits}, and gives the call's own timeout result: {@code null} for the polls, {@code false} for
 * the offers and {@code tryTransfer}.
 */
public final class QueueWaits {

    private static final JdkMethod POLL = new JdkMethod(BlockingQueue.class, "poll", long.class, TimeUnit.class);
    private static final JdkMethod OFFER =
            new JdkMethod(BlockingQueue.class, "offer", Object.class, long.class, TimeUnit.class);
    private static final JdkMethod POLL_FIRST =
            new JdkMethod(BlockingDeque.class, "pollFirst", long.class, TimeUnit.class);
    private static final JdkMethod POLL_LAST =
            new JdkMethod(BlockingDeque.class, "pollLast", long.class, TimeUnit.class);
    private static final JdkMethod OFFER_FIRST =
            new JdkMethod(BlockingDeque.class, "offerFirst", Object.class, long.class, TimeUnit.class);
    private static final JdkMethod OFFER_LAST =
            new JdkMethod(BlockingDeque.class, "offerLast", Object.class, long.class, TimeUnit.class);
    private static final JdkMethod TRY_TRANSFER =
            new JdkMethod(TransferQueue.class, "tryTransfer", Object.class, long.class, TimeUnit.class);
    private static final JdkMethod COMPLETION_POLL =
            new JdkMethod(CompletionService.class, "poll", long.class, TimeUnit.class);

    private QueueWaits() {
    }

    public static Object poll(BlockingQueue<?> queue, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(queue, POLL, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, queue, site);
            return queue.poll(timeout, unit);
        }
        return Waits.timed(handler, queue, nanos, false, site,
                forever -> queue.poll(forever, TimeUnit.NANOSECONDS), ended -> null);
    }

    public static boolean offer(BlockingQueue<Object> queue, Object element, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(queue, OFFER, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, queue, site);
            return queue.offer(element, timeout, unit);
        }
        return Waits.timed(handler, queue, nanos, false, site,
                forever -> queue.offer(element, forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static Object pollFirst(BlockingDeque<?> deque, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(deque, POLL_FIRST, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, deque, site);
            return deque.pollFirst(timeout, unit);
        }
        return Waits.timed(handler, deque, nanos, false, site,
                forever -> deque.pollFirst(forever, TimeUnit.NANOSECONDS), ended -> null);
    }

    public static Object pollLast(BlockingDeque<?> deque, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(deque, POLL_LAST, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, deque, site);
            return deque.pollLast(timeout, unit);
        }
        return Waits.timed(handler, deque, nanos, false, site,
                forever -> deque.pollLast(forever, TimeUnit.NANOSECONDS), ended -> null);
    }

    public static boolean offerFirst(BlockingDeque<Object> deque, Object element, long timeout, TimeUnit unit,
                                     int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(deque, OFFER_FIRST, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, deque, site);
            return deque.offerFirst(element, timeout, unit);
        }
        return Waits.timed(handler, deque, nanos, false, site,
                forever -> deque.offerFirst(element, forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static boolean offerLast(BlockingDeque<Object> deque, Object element, long timeout, TimeUnit unit,
                                    int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(deque, OFFER_LAST, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, deque, site);
            return deque.offerLast(element, timeout, unit);
        }
        return Waits.timed(handler, deque, nanos, false, site,
                forever -> deque.offerLast(element, forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static boolean tryTransfer(TransferQueue<Object> queue, Object element, long timeout, TimeUnit unit,
                                      int site) throws InterruptedException {
        SyncPointHandler handler = Waits.handler(queue, TRY_TRANSFER, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, queue, site);
            return queue.tryTransfer(element, timeout, unit);
        }
        return Waits.timed(handler, queue, nanos, false, site,
                forever -> queue.tryTransfer(element, forever, TimeUnit.NANOSECONDS), ended -> false);
    }

    public static Future<?> poll(CompletionService<?> service, long timeout, TimeUnit unit, int site)
            throws InterruptedException {
        SyncPointHandler handler = Waits.handler(service, COMPLETION_POLL, site);
        long nanos = handler == null ? 0 : unit.toNanos(timeout);
        if (nanos <= 0) {
            Waits.preempt(handler, service, site);
            return service.poll(timeout, unit);
        }
        return Waits.timed(handler, service, nanos, false, site,
                forever -> service.poll(forever, TimeUnit.NANOSECONDS), ended -> null);
    }
}
