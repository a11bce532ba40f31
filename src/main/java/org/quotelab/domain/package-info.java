/**
 * Pure Java records and metrics shared by every layer. Depends on nothing else of QuoteLab and
 * on no library: no JDBC, no files, no JSON, no logging (ArchitectureTest).
 */
package org.quotelab.domain;
