package org.crmworkbench.core.csv;

/** What a line of an import will do. */
public enum ImportAction { CREATE, UPDATE, REJECT }
