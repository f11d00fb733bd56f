"""Extractors: pure functions from text and sections to record fields, each keeping its evidence."""
