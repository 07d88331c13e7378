"""Export: DTOs in, real Excel workbooks out (XlsxWriter, app.export.sheets). Never queries."""
