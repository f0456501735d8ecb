package org.crmworkbench.ui.api;

/** No such record, or not one the caller may see (the API does not tell the two apart). */
final class ApiNotFoundException extends RuntimeException {

    ApiNotFoundException() {
        super("not found");
    }
}
