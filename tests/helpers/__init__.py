"""Shared test helpers: test files import from here, never from another test file
(tests/unit/test_test_house.py checks it).

Stores and data: seed (the seeded store), demo (demo stores), carry_in, on_site, calls, daily,
monthly, voice, input_strategies (hypothesis), plans (SQLite query plans). Pages and dialogs:
ui, ui_shell, ui_call_log,
ui_carry_in, ui_voice, dialog_catalogue (every dialog of app/ui), ui_chinese, ui_screen_fit,
counter_screen. Printing and files:
pdf (PDFs read back with wheels: pypdfium2, pypdf, zxing-cpp), printing, print_samples,
longest_text, cups_queue, libreoffice, faults, locks. Outside programs: outside (the skip
reason naming what to install). Child processes run with ``python -m``: outbox_child,
race_child, writer_child.
"""
