package com.litedesk.adapters.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Route 53 API on one hosted zone, enough for {@link Route53DnsRegistrar}: it checks each
 * request's signature header and the change batches' XML, applies UPSERT, CREATE and DELETE the way Route 53 does
 * (a whole batch or nothing; DELETE only of the record exactly as it stands, else InvalidChangeBatch), reports
 * each change PENDING for a number of polls and then INSYNC, and answers ListResourceRecordSets in Route 53's
 * order. Faults can be injected: refuse the next changes, or never reach INSYNC.
 */
public final class Route53StandIn implements AutoCloseable {

    private static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";

    /** A record as Route 53 holds it: type, TTL and values, or an alias target. */
    public record Rrset(String name, String type, long ttl, List<String> values, String aliasDnsName, String aliasZone) {}

    /** One ChangeResourceRecordSets call as it arrived. */
    public record ChangeCall(String zone, String action, Rrset record, String comment, String authorization) {}

    private final String zoneId;
    private final HttpServer server;
    private final Map<String, Rrset> records = new TreeMap<>();
    private final Map<String, AtomicInteger> pendingPolls = new ConcurrentHashMap<>();
    private final List<ChangeCall> changes = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger changeIds = new AtomicInteger();
    private volatile int pollsBeforeInSync = 1;
    private volatile boolean neverInSync;

    public Route53StandIn(String zoneId) throws IOException {
        this.zoneId = zoneId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<ChangeCall> changes() {
        return List.copyOf(changes);
    }

    public synchronized Map<String, Rrset> records() {
        return Map.copyOf(records);
    }

    /** The next {@code count} change batches are refused with a 400 InvalidChangeBatch (nothing is applied). */
    public void refuseNextChanges(int count) {
        refuseNext.set(count);
    }

    public void neverInSync(boolean value) {
        neverInSync = value;
    }

    public void pollsBeforeInSync(int polls) {
        pollsBeforeInSync = polls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=") || !auth.contains("/route53/aws4_request")) {
                error(exchange, 403, "Sender", "IncompleteSignature", "missing or malformed signature");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String zonePath = "/2013-04-01/hostedzone/" + zoneId + "/rrset";
            if (method.equals("POST") && (path.equals(zonePath) || path.equals(zonePath + "/"))) {
                change(exchange, auth);
            } else if (method.equals("GET") && (path.equals(zonePath) || path.equals(zonePath + "/"))) {
                list(exchange);
            } else if (method.equals("GET") && path.startsWith("/2013-04-01/change/")) {
                getChange(exchange, path.substring("/2013-04-01/change/".length()));
            } else if (path.startsWith("/2013-04-01/hostedzone/")) {
                error(exchange, 404, "Sender", "NoSuchHostedZone", "No hosted zone found with ID: " + path);
            } else {
                error(exchange, 400, "Sender", "InvalidInput", "unexpected " + method + " " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "Receiver", "InternalFailure", e.toString());
        }
    }

    private void change(HttpExchange exchange, String auth) throws IOException {
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes())).getDocumentElement();
        } catch (Exception e) {
            error(exchange, 400, "Sender", "InvalidInput", "malformed XML: " + e.getMessage());
            return;
        }
        if (!root.getLocalName().equals("ChangeResourceRecordSetsRequest") || !NS.equals(root.getNamespaceURI())) {
            error(exchange, 400, "Sender", "InvalidInput", "not a ChangeResourceRecordSetsRequest");
            return;
        }
        String comment = text(root, "Comment");
        List<ChangeCall> batch = new ArrayList<>();
        NodeList changeNodes = root.getElementsByTagNameNS(NS, "Change");
        for (int i = 0; i < changeNodes.getLength(); i++) {
            Element change = (Element) changeNodes.item(i);
            Element set = (Element) change.getElementsByTagNameNS(NS, "ResourceRecordSet").item(0);
            List<String> values = new ArrayList<>();
            NodeList valueNodes = set.getElementsByTagNameNS(NS, "Value");
            for (int v = 0; v < valueNodes.getLength(); v++) {
                values.add(valueNodes.item(v).getTextContent());
            }
            String ttl = text(set, "TTL");
            Element alias = (Element) set.getElementsByTagNameNS(NS, "AliasTarget").item(0);
            var record = new Rrset(text(set, "Name"), text(set, "Type"), ttl == null ? 0 : Long.parseLong(ttl), List.copyOf(values),
                    alias == null ? null : text(alias, "DNSName"), alias == null ? null : text(alias, "HostedZoneId"));
            batch.add(new ChangeCall(zoneId, text(change, "Action"), record, comment, auth));
        }
        changes.addAll(batch);
        if (batch.isEmpty()) {
            error(exchange, 400, "Sender", "InvalidInput", "a change batch needs at least one change");
            return;
        }
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            invalidChangeBatch(exchange, "[RRSet of type " + batch.getFirst().record().type() + " with DNS name "
                    + batch.getFirst().record().name() + " is not permitted in zone " + zoneId + "]");
            return;
        }
        synchronized (this) {
            Map<String, Rrset> next = new TreeMap<>(records);
            for (ChangeCall call : batch) {
                Rrset r = call.record();
                String problem = validate(r);
                if (problem != null) {
                    invalidChangeBatch(exchange, problem);
                    return;
                }
                String key = r.name().toLowerCase() + "|" + r.type();
                switch (call.action()) {
                    case "UPSERT" -> next.put(key, r);
                    case "CREATE" -> {
                        if (next.putIfAbsent(key, r) != null) {
                            invalidChangeBatch(exchange, "[Tried to create resource record set [name='" + r.name() + "', type='" + r.type()
                                    + "'] but it already exists]");
                            return;
                        }
                    }
                    case "DELETE" -> {
                        if (!r.equals(next.get(key))) {
                            invalidChangeBatch(exchange, "[Tried to delete resource record set [name='" + r.name() + "', type='" + r.type()
                                    + "'] but it was not found]");
                            return;
                        }
                        next.remove(key);
                    }
                    default -> {
                        error(exchange, 400, "Sender", "InvalidInput", "unknown action " + call.action());
                        return;
                    }
                }
            }
            records.clear();
            records.putAll(next);
        }
        String id = "C" + String.format("%011d", changeIds.incrementAndGet());
        pendingPolls.put(id, new AtomicInteger(pollsBeforeInSync));
        xml(exchange, 200, "<ChangeResourceRecordSetsResponse xmlns=\"" + NS + "\">" + changeInfo(id, "PENDING")
                + "</ChangeResourceRecordSetsResponse>");
    }

    private static String validate(Rrset r) {
        if (!r.name().endsWith(".")) {
            return "[name must be fully qualified: " + r.name() + "]";
        }
        if (r.aliasDnsName() != null) {
            return r.ttl() == 0 && r.values().isEmpty() && r.aliasZone() != null ? null : "[an alias record has no TTL or values]";
        }
        if (r.ttl() < 1 || r.values().isEmpty()) {
            return "[a record needs a TTL and at least one value]";
        }
        if (r.type().equals("A") && !r.values().stream().allMatch(v -> v.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return "[ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '" + r.values() + "']";
        }
        if (r.type().equals("CNAME") && r.values().size() != 1) {
            return "[a CNAME has exactly one value]";
        }
        return null;
    }

    private void getChange(HttpExchange exchange, String id) throws IOException {
        AtomicInteger polls = pendingPolls.get(id);
        if (polls == null) {
            error(exchange, 404, "Sender", "NoSuchChange", "A change with the specified change ID does not exist.");
            return;
        }
        boolean inSync = !neverInSync && polls.getAndDecrement() <= 0;
        xml(exchange, 200, "<GetChangeResponse xmlns=\"" + NS + "\">" + changeInfo(id, inSync ? "INSYNC" : "PENDING") + "</GetChangeResponse>");
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String start = query.getOrDefault("name", "").toLowerCase();
        int max = Integer.parseInt(query.getOrDefault("maxitems", "300"));
        var out = new StringBuilder("<ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>");
        int n = 0;
        synchronized (this) {
            for (var entry : records.entrySet()) {
                if (entry.getKey().compareTo(start) < 0 || n >= max) {
                    continue;
                }
                Rrset r = entry.getValue();
                out.append("<ResourceRecordSet><Name>").append(r.name()).append("</Name><Type>").append(r.type()).append("</Type>");
                if (r.aliasDnsName() != null) {
                    out.append("<AliasTarget><HostedZoneId>").append(r.aliasZone()).append("</HostedZoneId><DNSName>")
                            .append(r.aliasDnsName()).append("</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>");
                } else {
                    out.append("<TTL>").append(r.ttl()).append("</TTL><ResourceRecords>");
                    r.values().forEach(v -> out.append("<ResourceRecord><Value>").append(v).append("</Value></ResourceRecord>"));
                    out.append("</ResourceRecords>");
                }
                out.append("</ResourceRecordSet>");
                n++;
            }
        }
        out.append("</ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>").append(max).append("</MaxItems></ListResourceRecordSetsResponse>");
        xml(exchange, 200, out.toString());
    }

    private static String changeInfo(String id, String status) {
        return "<ChangeInfo><Id>/change/" + id + "</Id><Status>" + status + "</Status><SubmittedAt>2026-11-25T10:00:00.000Z</SubmittedAt></ChangeInfo>";
    }

    private static void invalidChangeBatch(HttpExchange exchange, String message) throws IOException {
        error(exchange, 400, "Sender", "InvalidChangeBatch", message);
    }

    private static void error(HttpExchange exchange, int status, String type, String code, String message) throws IOException {
        xml(exchange, status, "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>b25f48e8-84fd-11e6-80d9-574e0c4664cb</RequestId></ErrorResponse>");
    }

    private static void xml(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "b25f48e8-84fd-11e6-80d9-574e0c4664cb");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS(NS, tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
