"""Roster spreadsheets: the template, the importer and the export share one column list."""
