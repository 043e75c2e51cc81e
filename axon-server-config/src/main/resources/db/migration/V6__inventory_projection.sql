-- The catalog projection is now named for its context, inventory-projection: its position and its parked events
-- move with it, so an existing installation neither replays the whole store into the products read model nor loses
-- sight of its dead letters.
update tokenentry set processorname = 'inventory-projection' where processorname = 'catalog-projection';
update deadletterentry set processinggroup = 'inventory-projection' where processinggroup = 'catalog-projection';
