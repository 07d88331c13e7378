"""One module per printed form; each registers its kind with app.printing.registry."""
