-- Directory pages ask, for each listing they show, how it reaches the place (locally, nationally, from anywhere). This
-- index answers that from the index alone; it starts with ServiceId, so it also serves the foreign key and the
-- one-column index goes.
DROP INDEX "IX_ServiceAreas_ServiceId";

CREATE INDEX "IX_ServiceAreas_ServiceId_Scope_CountryCode_SubdivisionCode" ON "ServiceAreas" ("ServiceId", "Scope", "CountryCode", "SubdivisionCode");
