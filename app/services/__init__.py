"""Services: plain Python, one transaction per user action, DTOs out. No Qt here."""
