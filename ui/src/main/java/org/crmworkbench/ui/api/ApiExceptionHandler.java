package org.crmworkbench.ui.api;

import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.ui.shell.DatabaseHealth;
import org.jooq.exception.DataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns the core's exceptions into problem details: invalid input 400 with the errors per field,
 * not allowed 403, not found 404, a stale version 409 saying who changed it when, an unreachable
 * database 503.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final ApiProblems problems;
    private final DatabaseHealth health;

    ApiExceptionHandler(ApiProblems problems, DatabaseHealth health) {
        this.problems = problems;
        this.health = health;
    }

    /** A lost database connection is 503 with Retry-After, not a 500; any other database error stays one. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
        if (!health.report(e)) {
            throw e;
        }
        var problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "api.error.database-unavailable",
                LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidInputException e) {
        var locale = LocaleContextHolder.getLocale();
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "api.error.invalid", locale);
        var errors = new ArrayList<Map<String, String>>();
        e.errors().forEach((field, key) -> {
            var error = new LinkedHashMap<String, String>();
            error.put("field", field);
            error.put("code", key);
            error.put("message", problems.text(key, locale));
            errors.add(error);
        });
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(ConcurrentEditException e) {
        var problem = problems.problem(HttpStatus.CONFLICT, "api.error.conflict", LocaleContextHolder.getLocale());
        problem.setProperty("changedBy", e.changedBy());
        problem.setProperty("changedAt", e.changedAt() == null ? null : e.changedAt().toString());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notAllowed(NotAllowedException e) {
        return problems.problem(HttpStatus.FORBIDDEN, e.messageKey(), LocaleContextHolder.getLocale());
    }

    @ExceptionHandler
    ProblemDetail notFound(ApiNotFoundException e) {
        return problems.problem(HttpStatus.NOT_FOUND, "api.error.not-found", LocaleContextHolder.getLocale());
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "api.error.parameter", LocaleContextHolder.getLocale(),
                e.getName());
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        var problem = problems.problem(HttpStatus.BAD_REQUEST, "api.error.parameter-missing",
                LocaleContextHolder.getLocale(), e.getParameterName());
        problem.setProperty("parameter", e.getParameterName());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = field(e);
        var problem = field == null
                ? problems.problem(HttpStatus.BAD_REQUEST, "api.error.unreadable", LocaleContextHolder.getLocale())
                : problems.problem(HttpStatus.BAD_REQUEST, "api.error.field-type", LocaleContextHolder.getLocale(), field);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the value Jackson could not map ({@code data.level}), or null for broken JSON. */
    private static String field(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson) || jackson instanceof StreamReadException
                || jackson.getPath().isEmpty()) {
            return null;
        }
        var path = new StringJoiner(".");
        for (JacksonException.Reference reference : jackson.getPath()) {
            path.add(reference.getPropertyName() != null ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
        }
        return path.toString();
    }
}
