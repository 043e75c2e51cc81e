/**
 * Settings for running the modules as separate services against Axon Server (connection, context, TLS and token,
 * processor settings). The standalone platform does not use Axon Server; distributed mode arrives with its own
 * work item (see the README's roadmap).
 */
package io.orderflow.axonserver;
