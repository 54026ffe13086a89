"""Readers turn PDF pages and images into positioned words and table grids (`pipeline.positioned`)."""
