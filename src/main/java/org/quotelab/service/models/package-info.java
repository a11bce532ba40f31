/**
 * Model versions: list, promote and roll back cascade pairs (ModelAdmin), and single version
 * folders used without the store (evaluate, predict, export for transformers). May use ml, store,
 * domain and the other service packages.
 */
package org.quotelab.service.models;
