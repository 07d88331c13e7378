"""Export: DTOs in, real Excel workbooks out (openpyxl). Never queries."""
