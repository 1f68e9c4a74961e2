package com.litedesk.core.crm.search;

import com.litedesk.core.access.AccessPolicy;
import com.litedesk.core.access.Action;
import com.litedesk.core.access.Actor;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.store.SearchTerms;
import com.litedesk.ports.store.Searchable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One search box over contacts, companies, deals, tasks and notes: the best few matches of each kind the actor may
 * read. Each kind is searched through its own list with {@code q} — the same query, scoping and access check as the
 * list a user pages through, served by the store's text index and ranked by its relevance — so a search never shows
 * a record the actor's lists would not. Kinds the actor may not read are left out, not refused.
 *
 * <p><b>Which kind comes first.</b> A store's relevance orders the hits within one kind but is not comparable across
 * kinds (SQLite's bm25 depends on each table's statistics). The groups are therefore ordered by how well their best
 * hit matches by the rule every store shares ({@link SearchTerms#score}: per word, a whole word in the name or title
 * above a prefix of it, both above a match in the secondary text — an email, a domain, a description), the better
 * group first; equally good groups keep the order contacts, companies, deals, tasks, notes.
 *
 * <p>A search of fewer than {@value #MIN_LENGTH} characters finds nothing, without asking the store: one letter
 * matches nearly everything and ranks nothing.
 */
public final class GlobalSearch {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;
    public static final int DEFAULT_PER_KIND = 5;
    public static final int MAX_PER_KIND = 20;

    private final CrmKinds kinds;
    private final AccessPolicy policy;
    private final RecordSummaries summaries;

    public GlobalSearch(CrmKinds kinds, AccessPolicy policy, RecordSummaries summaries) {
        this.kinds = kinds;
        this.policy = policy;
        this.summaries = summaries;
    }

    /**
     * Up to {@code perKind} (default {@value #DEFAULT_PER_KIND}, at most {@value #MAX_PER_KIND}) best matches of
     * {@code q} of each kind. VALIDATION for a {@code q} over {@value #MAX_LENGTH} characters, with control
     * characters or over five words, and for a {@code perKind} out of range.
     */
    public SearchResults search(Actor actor, String q, Integer perKind) {
        int limit = perKind(perKind);
        String text = q == null ? "" : q.strip();
        check(text);
        if (text.length() < MIN_LENGTH || SearchTerms.query(text).isEmpty()) {
            return SearchResults.none(text);
        }
        List<List<String>> words = SearchTerms.query(text);
        List<Ranked> found = new ArrayList<>();
        for (RecordType type : CrmKinds.ALL) {
            if (!policy.allows(actor, CrmKinds.resourceOf(type), Action.READ)) {
                continue;
            }
            List<?> hits = kinds.of(type).list(actor, new ListRequest(null, null, text, null, limit)).items();
            if (!hits.isEmpty()) {
                int best = SearchTerms.score(words, ((Searchable) hits.getFirst()).searchText());
                found.add(new Ranked(new SearchGroup(type, hits.stream().map(h -> summaries.of(actor, h)).toList()), best,
                        CrmKinds.ALL.indexOf(type)));
            }
        }
        found.sort(Comparator.comparingInt(Ranked::best).reversed().thenComparingInt(Ranked::order));
        return new SearchResults(text, found.stream().map(Ranked::group).toList());
    }

    private static int perKind(Integer perKind) {
        if (perKind == null) {
            return DEFAULT_PER_KIND;
        }
        if (perKind < 1 || perKind > MAX_PER_KIND) {
            throw LiteDeskException.invalid("limit", "must be between 1 and " + MAX_PER_KIND);
        }
        return perKind;
    }

    private static void check(String text) {
        if (text.length() > MAX_LENGTH) {
            throw LiteDeskException.invalid("q", "a search is at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw LiteDeskException.invalid("q", "a search cannot contain control characters");
        }
    }

    private record Ranked(SearchGroup group, int best, int order) {
    }
}
