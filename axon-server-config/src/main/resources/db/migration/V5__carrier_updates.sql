-- Carrier updates applied from Kafka, by CloudEvent id: a redelivered update finds its id here and changes nothing.
-- A row is written in the same transaction as the shipment's events.
create table processed_carrier_update (
    event_id     varchar(255) primary key,
    type         varchar(100) not null,
    shipment_id  varchar(64)  not null,
    processed_at timestamptz  not null
);
