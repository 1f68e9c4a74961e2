package com.litedesk.adapters.sqlite;

import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.StageTotals;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's totals kept as deals are written: per pipeline, stage and currency, how many deals and the exact sum
 * of their values (a decimal in text, added in Java), updated in the transaction of every deal write. Reading a
 * board's totals is then a read of one row per stage and currency, however many deals the pipeline holds.
 */
final class DealTotals implements Table.Hook<Deal> {

    static final String TABLE = "deals__totals";

    @Override
    public List<String> ddl() {
        return List.of("CREATE TABLE IF NOT EXISTS " + TABLE + " (pipelineId NOT NULL, stageId NOT NULL, currency NOT NULL,"
                + " deals INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (pipelineId, stageId, currency)) WITHOUT ROWID");
    }

    @Override
    public void inserted(Conn conn, Deal deal) throws SQLException {
        add(conn, deal, 1);
    }

    @Override
    public void deleted(Conn conn, Deal deal) throws SQLException {
        add(conn, deal, -1);
    }

    @Override
    public void cleared(Conn conn) throws SQLException {
        conn.exec("DELETE FROM " + TABLE);
    }

    private static Object key(String value) {
        return value == null ? "" : value; // a key column holds no NULL
    }

    private void add(Conn conn, Deal deal, int sign) throws SQLException {
        PreparedStatement read = conn.prepare("SELECT deals, value FROM " + TABLE + " WHERE pipelineId = ? AND stageId = ? AND currency = ?");
        read.setObject(1, key(deal.pipelineId()));
        read.setObject(2, key(deal.stageId()));
        read.setObject(3, key(deal.currency()));
        long deals = 0;
        BigDecimal value = BigDecimal.ZERO;
        try (ResultSet rs = read.executeQuery()) {
            if (rs.next()) {
                deals = rs.getLong(1);
                value = new BigDecimal(rs.getString(2));
            }
        }
        deals += sign;
        BigDecimal dealValue = deal.value() == null ? BigDecimal.ZERO : deal.value();
        value = sign > 0 ? value.add(dealValue) : value.subtract(dealValue);
        PreparedStatement write;
        if (deals <= 0) {
            write = conn.prepare("DELETE FROM " + TABLE + " WHERE pipelineId = ? AND stageId = ? AND currency = ?");
        } else {
            write = conn.prepare("INSERT OR REPLACE INTO " + TABLE + " (pipelineId, stageId, currency, deals, value) VALUES (?, ?, ?, ?, ?)");
            write.setLong(4, deals);
            write.setString(5, value.toPlainString());
        }
        write.setObject(1, key(deal.pipelineId()));
        write.setObject(2, key(deal.stageId()));
        write.setObject(3, key(deal.currency()));
        write.executeUpdate();
    }

    /** The totals of every stage of a pipeline that has deals. */
    static List<StageTotals> of(Conn conn, String pipelineId) throws SQLException {
        PreparedStatement read = conn.prepare("SELECT stageId, currency, deals, value FROM " + TABLE + " WHERE pipelineId = ?");
        read.setObject(1, key(pipelineId));
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                String stage = rs.getString(1).isEmpty() ? null : rs.getString(1);
                String currency = rs.getString(2).isEmpty() ? null : rs.getString(2);
                counts.merge(stage, rs.getLong(3), Long::sum);
                sums.computeIfAbsent(stage, s -> new LinkedHashMap<>()).put(currency, new BigDecimal(rs.getString(4)));
            }
        }
        List<StageTotals> out = new ArrayList<>();
        counts.forEach((stage, count) -> out.add(new StageTotals(stage, count, sums.get(stage))));
        return out;
    }
}
