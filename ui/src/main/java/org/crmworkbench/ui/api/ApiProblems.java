package org.crmworkbench.ui.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmworkbench.ui.i18n.ShellMessages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Error bodies of the REST API: RFC 9457 problem details whose title is a translated message
 * (English or Dutch after {@code Accept-Language}) and whose {@code code} is the stable message key.
 */
@Component
public class ApiProblems {

    private final ShellMessages messages;
    private final JsonMapper json;

    ApiProblems(ShellMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A problem with the translated message of {@code key} as title. */
    ProblemDetail problem(HttpStatus status, String key, Locale locale, Object... params) {
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(text(key, locale, params));
        problem.setProperty("code", key);
        return problem;
    }

    String text(String key, Locale locale, Object... params) {
        return messages.getTranslation(key, locale, params);
    }

    /** Writes a problem where no controller is involved (the security filter chain). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        var problem = problem(status, key, request.getLocale());
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("code", key);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
