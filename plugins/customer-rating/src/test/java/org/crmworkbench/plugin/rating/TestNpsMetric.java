package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.plugin.rating.analysis.CustomerAnalysis;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Stands in for the NPS plugin: the latest answer per account from a table in a schema of its own,
 * offered under {@link CustomerAnalysis#NPS_METRIC} as the real plugin will.
 */
public final class TestNpsMetric implements AccountMetric {

    private final DSLContext dsl;

    public TestNpsMetric(DSLContext dsl) {
        this.dsl = dsl;
        dsl.execute("CREATE SCHEMA IF NOT EXISTS crm_test_nps");
        dsl.execute("CREATE TABLE IF NOT EXISTS crm_test_nps.answer (account_id BIGINT NOT NULL PRIMARY KEY, score INT NOT NULL)");
        dsl.execute("DELETE FROM crm_test_nps.answer");
    }

    /** Records an account's latest answer. */
    public void answer(long account, int score) {
        dsl.execute("INSERT INTO crm_test_nps.answer VALUES (?, ?)", account, score);
    }

    @Override
    public String key() {
        return CustomerAnalysis.NPS_METRIC;
    }

    @Override
    public String label(Locale locale) {
        return "Latest NPS answer";
    }

    @Override
    public Select<? extends Record2<Long, BigDecimal>> values() {
        var account = DSL.field(DSL.name("crm_test_nps", "answer", "account_id"), Long.class);
        var score = DSL.field(DSL.name("crm_test_nps", "answer", "score"), Integer.class);
        return dsl.select(account, score.cast(SQLDataType.DECIMAL(18, 2))).from(DSL.table(DSL.name("crm_test_nps", "answer")));
    }
}
