"""Places and the reference lists: the gazetteer that reads what people type for a province or district,
geocoding, the cached regions, provinces, issue areas and types, their seeding, and the province tile map."""
