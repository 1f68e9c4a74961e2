package com.litedesk.adapters.aws;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;

/** How every AWS client here is built: credentials only from the default chain, bounded timeouts, an optional endpoint. */
final class AwsClients {

    private AwsClients() {
    }

    /**
     * @param endpoint another endpoint than AWS's (a VPC endpoint, a local stand-in), or null
     */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, Region region, URI endpoint,
                                                                                      Duration socketTimeout) {
        builder.region(region)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(socketTimeout));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
