"""The We Are CSO programme: events, their hosts, applications and selection, the announcement, placements,
participants' media works, and the personal data of applicants (its audit and anonymisation)."""
