"""Platform: what every domain uses and none owns: the clock, mail, backups, spreadsheets, the shape of a refusal."""
