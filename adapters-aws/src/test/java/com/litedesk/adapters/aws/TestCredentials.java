package com.litedesk.adapters.aws;

/** Credentials for the stand-ins, given the way AWS's default chain finds them (Java system properties). */
public final class TestCredentials {

    public static final String ACCESS_KEY = "AKIDEXAMPLE";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private TestCredentials() {
    }

    public static void install() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }
}
