package com.litedesk.core.crm.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RanksTest {

    @Test
    void aRankFitsBetweenAnyTwoRanksAndAtBothEnds() {
        List<String> board = new ArrayList<>(List.of(Ranks.initial("01jabc"), Ranks.initial("01jabd")));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            int at = random.nextInt(board.size() + 1);
            String before = at == 0 ? null : board.get(at - 1);
            String after = at == board.size() ? null : board.get(at);
            String rank = Ranks.between(before, after);
            if (before != null) {
                assertThat(rank).isGreaterThan(before);
            }
            if (after != null) {
                assertThat(rank).isLessThan(after);
            }
            assertThat(rank).doesNotEndWith("0");
            board.add(at, rank);
        }
        assertThat(board).isSorted();
    }

    @Test
    void repeatedlyInsertingAtTheTopStaysOrdered() {
        String top = Ranks.initial("01jabc");
        for (int i = 0; i < 500; i++) {
            String next = Ranks.between(null, top);
            assertThat(next).isLessThan(top);
            top = next;
        }
    }
}
