"""The demo store: a believable shop generated step by step (each issue adds its step).

``generate`` runs the steps of ``STEPS`` in order; each step gets the database, the
random generator, the shared ``DemoState`` and a ``Progress`` to report to and to check
for cancellation.
"""
