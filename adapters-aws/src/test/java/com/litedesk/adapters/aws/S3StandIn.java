package com.litedesk.adapters.aws;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;

/** S3Proxy in this process over an in-memory blob store, checking AWS signatures with the test credentials. */
public final class S3StandIn implements AutoCloseable {

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public S3StandIn(String... buckets) throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, TestCredentials.ACCESS_KEY, TestCredentials.SECRET_KEY)
                .ignoreUnknownHeaders(true) // it stores no encryption: tests check the SSE headers the SDK sends
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public BlobStore blobs() {
        return context.getBlobStore();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
