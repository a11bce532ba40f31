/** The JavaFX workbench, one feature package per view, each a View and a ViewModel. */
package org.quotelab.ui;
