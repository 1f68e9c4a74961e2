package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CRM page names every module its script imports, directly or not, as a modulepreload: the browser then fetches
 * them all at once instead of discovering them one level of imports at a time. A module added without its line would
 * load later; one removed would be fetched for nothing.
 */
class CrmPreloadTest {

    private static final Path WEB = Path.of("src", "main", "resources", "web");
    private static final Pattern IMPORT = Pattern.compile("(?:import|export)\\s[^;]*?from\\s+'(/assets/[^']+)'");
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"(/assets/[^\"]+)\">");

    @Test
    void theCrmPagePreloadsExactlyTheModulesItsScriptImports() throws IOException {
        Set<String> imported = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add("/assets/crm/main.js");
        while (!todo.isEmpty()) {
            String module = todo.poll();
            if (imported.add(module)) {
                Matcher m = IMPORT.matcher(Files.readString(WEB.resolve(module.substring(1))));
                while (m.find()) {
                    todo.add(m.group(1));
                }
            }
        }
        imported.add("/assets/devtools-stub.js"); // what the import map gives vue-router for its devtools hook
        Set<String> preloaded = new TreeSet<>();
        Matcher m = PRELOAD.matcher(Files.readString(WEB.resolve("crm/index.html")));
        while (m.find()) {
            preloaded.add(m.group(1));
        }
        assertThat(preloaded).isEqualTo(imported);
        assertThat(imported).hasSizeGreaterThan(30);
    }
}
