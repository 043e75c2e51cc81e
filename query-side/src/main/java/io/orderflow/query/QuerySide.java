package io.orderflow.query;

/** Marks the root package of the query side: the MongoDB read models and the query handlers over them. */
public final class QuerySide {

    private QuerySide() {
    }
}
