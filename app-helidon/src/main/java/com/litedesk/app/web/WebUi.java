package com.litedesk.app.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The single-page apps, served by the server itself with Helidon's static content support: the tenant CRM on
 * an instance, the public demo form and the operator console on the control plane; their shared assets; and
 * Vue, vue-router and Chart.js from their webjars under version-less paths ({@code /webjars/vue/...}).
 */
public final class WebUi {

    private WebUi() {
    }

    /** What an instance serves: the CRM at {@code /} (and {@code /set-password} and {@code /reset-password}, the targets of invitation and reset links). */
    public static List<HttpService> instance() {
        List<HttpService> services = common();
        services.add(rules -> rules.get("/set-password", (req, res) -> page(res, "web/crm/index.html")));
        services.add(rules -> rules.get("/reset-password", (req, res) -> page(res, "web/crm/index.html")));
        services.add(classpath("web/crm", "/"));
        return services;
    }

    /** What the control plane serves: the demo form at {@code /}, the console at {@code /console/}. */
    public static List<HttpService> controlPlane() {
        List<HttpService> services = common();
        services.add(rules -> rules.get("/console", (req, res) -> res.status(Status.MOVED_PERMANENTLY_301)
                .header(HeaderNames.LOCATION, "/console/").send()));
        services.add(classpath("web/console", "/console"));
        services.add(classpath("web/public", "/"));
        return services;
    }

    private static List<HttpService> common() {
        List<HttpService> services = new ArrayList<>();
        services.add(classpath("web/assets", "/assets"));
        Properties versions = new Properties();
        try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream("web-versions.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("web-versions.properties is missing from the build", e);
        }
        for (String name : versions.stringPropertyNames()) {
            services.add(classpath("META-INF/resources/webjars/" + name + "/" + versions.getProperty(name), "/webjars/" + name));
        }
        return services;
    }

    private static HttpService classpath(String location, String context) {
        HttpService files = StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location(location).welcome("index.html").build());
        return context.equals("/") ? files : rules -> rules.register(context, files);
    }

    private static void page(io.helidon.webserver.http.ServerResponse res, String resource) {
        try (InputStream in = WebUi.class.getClassLoader().getResourceAsStream(resource)) {
            res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
