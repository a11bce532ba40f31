/**
 * Projects and their label schemas: a project's topics with their names, colours and Review
 * hotkeys, the natural (numeric-aware) order in which classes are listed everywhere, and the
 * order in which hotkeys are handed out. Pure Java; may use other {@code domain} packages only.
 */
package org.quotelab.domain.project;
