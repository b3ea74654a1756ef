"""Schemas of the We Are CSO programme: events and their forms, applications, the review filters, media works."""
