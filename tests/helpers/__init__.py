"""Shared test helpers: stores, seeds, drivers for pages and dialogs, PDF checks, child processes.

Test files import from here, never from another test file.
"""
