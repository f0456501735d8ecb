package org.crmworkbench.ui.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the rows of this page
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total number of rows over all pages
 */
public record ApiPage<T>(List<T> items, int page, int size, int total) {
}
