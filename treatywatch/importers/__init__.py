"""Importers: read a depositary's published record and compare it with ours."""
