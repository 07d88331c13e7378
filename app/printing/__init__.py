"""Printed documents: ReportLab DTO-in, PDF-bytes-out renderers and the one print path."""
