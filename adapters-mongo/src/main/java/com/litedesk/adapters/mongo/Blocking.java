package com.litedesk.adapters.mongo;

import com.mongodb.DuplicateKeyException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.litedesk.ports.LiteDeskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The one bridge from the reactive driver to the blocking ports (handlers run on virtual threads,
 * so waiting is cheap), and the one place driver failures become domain errors.
 */
final class Blocking {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Blocking() {
    }

    static <T> List<T> all(Publisher<T> publisher) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            private final List<T> items = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                items.add(item);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(items);
            }
        });
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw LiteDeskException.unavailable("the database did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LiteDeskException.unavailable("interrupted while waiting for the database", e);
        }
    }

    static <T> T one(Publisher<T> publisher) {
        List<T> items = all(publisher);
        return items.isEmpty() ? null : items.getFirst();
    }

    static RuntimeException translate(Throwable failure) {
        if (failure instanceof DuplicateKeyException
                || failure instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                || failure instanceof MongoBulkWriteException b && b.getWriteErrors().stream().anyMatch(e -> e.getCode() == 11000)
                || failure instanceof MongoException m && m.getCode() == 11000) {
            return LiteDeskException.conflict("a record with the same id or unique key exists already");
        }
        if (failure instanceof LiteDeskException e) {
            return e;
        }
        return LiteDeskException.unavailable("the database failed: " + failure.getMessage(), failure);
    }
}
