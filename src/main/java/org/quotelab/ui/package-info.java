/**
 * The JavaFX workbench, one feature package per view, each a View and a ViewModel, and the main
 * window that wires them. The only user of JavaFX, ControlsFX and JFreeChart. May use service and
 * domain, never store or ml (ArchitectureTest).
 */
package org.quotelab.ui;
