"""Services: the only code that changes data, grouped by domain. They flush; the request or the command commits."""
