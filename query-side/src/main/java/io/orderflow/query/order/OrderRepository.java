package io.orderflow.query.order;

import org.springframework.data.mongodb.repository.MongoRepository;

interface OrderRepository extends MongoRepository<OrderDocument, String> {
}
