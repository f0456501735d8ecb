package org.crmworkbench.core.security;

import org.crmworkbench.api.UserRef;

import java.util.Locale;
import java.util.Optional;

/**
 * Who is calling and in which language, as seen by the thread that asks: the signed-in user of the
 * current UI or request. Implemented by the web layer.
 */
public interface CurrentUser {

    Optional<UserRef> user();

    Locale locale();

    /** No user, English: background work and tests. */
    CurrentUser NONE = new CurrentUser() {
        @Override
        public Optional<UserRef> user() {
            return Optional.empty();
        }

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }
    };
}
