package com.litedesk.app.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.http.Json;
import com.litedesk.app.http.RequestStats;
import com.litedesk.core.support.TimeOrderedIds;
import com.litedesk.ports.IdGenerator;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** What every role shares: one clock, one id generator, one JSON mapper, request statistics. */
@dagger.Module
public final class CommonModule {

    private CommonModule() {
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static IdGenerator ids(Clock clock) {
        return new TimeOrderedIds(clock);
    }

    @Provides
    @Singleton
    static ObjectMapper json() {
        return Json.mapper();
    }

    @Provides
    @Singleton
    static com.litedesk.app.http.RequestLog requestLog(com.litedesk.app.config.LiteDeskConfig config) {
        return new com.litedesk.app.http.RequestLog(com.litedesk.app.http.RequestLog.Format.of(config.logFormat()), System.out);
    }

    @Provides
    @Singleton
    static RequestStats stats() {
        return new RequestStats();
    }
}
