"""Documents printed by number: each kind loads its DTO through the services, its form draws it."""
