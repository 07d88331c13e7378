"""A workbook recalculated by LibreOffice and read back as CSV rows (an independent check of
the formulas). Tests skip with :func:`tests.helpers.outside.missing` ("soffice")."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

# LibreOffice shows a formula's stored result unless told to recalculate on loading:
# recalculate, so its own SUM is what the test reads.
RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
  oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def recalculated_rows(workbook: Path, folder: Path) -> list[list[str]]:
    """The first sheet of ``workbook`` as LibreOffice shows it after recalculating, as rows."""
    profile = folder / "lo"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS)
    out = folder / "csv"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(out), str(workbook)], check=True, capture_output=True, timeout=180)
    with (out / f"{workbook.stem}.csv").open(encoding="utf-8") as rows:
        return list(csv.reader(rows))
