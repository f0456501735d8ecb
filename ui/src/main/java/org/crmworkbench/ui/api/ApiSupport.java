package org.crmworkbench.ui.api;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** What every resource of the REST API shares: the caller, paging limits, sort parameters, bodies. */
@Component
class ApiSupport {

    static final int MAX_SIZE = 200;
    static final String DEFAULT_SIZE = "50";

    private final CurrentUser currentUser;

    ApiSupport(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The owner of the request's token (the filter chain lets no anonymous request through). */
    UserRef user() {
        return currentUser.user().orElseThrow(() -> new IllegalStateException("API request without a user"));
    }

    /** Checks page and size: page 0 or more, size 1 to 200. */
    static void checkPaging(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException(Map.of("page", "api.error.page"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(Map.of("size", "api.error.size"));
        }
    }

    /** {@code offset} of a page, as a long first so a huge page number cannot overflow. */
    static int offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw new InvalidInputException(Map.of("page", "api.error.page"));
        }
        return (int) offset;
    }

    /** Sort parameters as {@code name} (ascending) or {@code -name} (descending), in order. */
    static <S> List<S> sorts(List<String> parameters, BiFunction<String, Boolean, S> sort) {
        var sorts = new ArrayList<S>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String column : parameter.split(",")) {
                    String c = column.strip();
                    if (!c.isEmpty()) {
                        sorts.add(c.startsWith("-") ? sort.apply(c.substring(1), false) : sort.apply(c, true));
                    }
                }
            }
        }
        return sorts;
    }

    /** The body's data, or 400 when it is missing. */
    static <T> T data(ApiWrite<T> body) {
        if (body == null || body.data() == null) {
            throw new InvalidInputException(Map.of("data", "api.error.data-required"));
        }
        return body.data();
    }

    /** The version an update needs, or 400 when it is missing. */
    static int version(ApiWrite<?> body) {
        if (body.version() == null) {
            throw new InvalidInputException(Map.of("version", "api.error.version-required"));
        }
        return body.version();
    }

    /** The account a new record belongs to, or 400 when it is missing. */
    static long accountId(ApiWrite<?> body) {
        if (body.accountId() == null) {
            throw new InvalidInputException(Map.of("accountId", "api.error.account-required"));
        }
        return body.accountId();
    }
}
