package org.cohortplanner.store.h2;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Flyway's messages go: to the debug log. Flyway reports every step of every start (and that it has not been
 * tested with this H2 release) at info and warning level, which would greet the user on every start of the
 * console; whatever matters to the user surfaces as a {@link org.cohortplanner.store.StoreException} instead.
 * Flyway's errors stay warnings. Public with a no-argument constructor because Flyway instantiates it by name.
 */
public final class MigrationLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> source) {
        Logger logger = LoggerFactory.getLogger(source);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.debug(message);
            }

            @Override
            public void info(String message) {
                logger.debug(message);
            }

            @Override
            public void warn(String message) {
                logger.debug(message);
            }

            @Override
            public void error(String message) {
                logger.warn(message);
            }

            @Override
            public void error(String message, Exception failure) {
                logger.warn(message, failure);
            }

            @Override
            public void notice(String message) {
                logger.debug(message);
            }
        };
    }
}
