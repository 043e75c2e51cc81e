-- The simulated provider's test authentication page finds an order's payment intent by the order.
create index simulated_payment_intent_order_idx on simulated_payment_intent (order_id);
