package org.crmworkbench.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The semantic version of this platform API. A plugin states the versions it works with in its
 * manifest, e.g. {@code Plugin-Requires: >=1.0.0 & <2.0.0}; the host refuses a plugin whose range
 * does not contain this version. Minor versions only add; a major version may break plugins.
 *
 * @since 1.0
 */
public final class ApiVersion {

    private static final String CURRENT = load();

    private ApiVersion() {
    }

    /** The version of the API the running host implements, e.g. {@code 1.0.0}. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
