"""Schemas of the reference lists: Thailand's geography (regions, provinces, districts) and the taxonomies."""
