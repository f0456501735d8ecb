package org.crmworkbench.api.security;

/**
 * Thrown by {@link org.crmworkbench.api.PluginContext#requirePermission(String)} when the current user
 * (or the lack of one) does not hold a permission. Nothing has been changed when it is thrown at the
 * start of an action; a view catches it and shows a message instead of an error page.
 *
 * @since 1.6
 */
public class PermissionDeniedException extends RuntimeException {

    private final String permission;

    public PermissionDeniedException(String permission) {
        super("permission denied: " + permission);
        this.permission = permission;
    }

    /** The key of the permission the user lacks, e.g. {@code tender-tracking.edit}. */
    public String permission() {
        return permission;
    }
}
