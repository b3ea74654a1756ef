"""Search: the one adapter to search_index, the index sync (outbox, follower, reindex), the finder the pages and
the API ask, and the statistics counted in the index."""
