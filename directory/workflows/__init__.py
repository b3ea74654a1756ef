"""Work that checks input with a schema and then changes data through services: the spreadsheet import, its
background jobs, the demo data. It sits above both layers, so neither imports the other (tests/test_layers.py).
"""
