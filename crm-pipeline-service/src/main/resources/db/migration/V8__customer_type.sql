-- ServiceTitan's customer type (Residential or Commercial), kept with the customer's facts so that its account's type
-- follows it; null for customers stored before it was kept (their accounts stay residential until they change).
alter table customer add column type text;
