"""Service Counter (售后服务台): the after-sales service counter of a store."""

__version__ = "0.1.0"
