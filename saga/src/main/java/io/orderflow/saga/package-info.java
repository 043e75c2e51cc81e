/**
 * The order fulfilment saga: it starts on an order being placed, reserves stock, takes payment, ships, and undoes
 * the earlier steps when a later one fails. It depends on core-api's messages only and keeps its own processing
 * group. The saga itself arrives with the fulfilment work (see the README's roadmap).
 */
package io.orderflow.saga;
