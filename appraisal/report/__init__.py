"""The report builder: the appraisal opinion as docx (and PDF where LibreOffice is present)."""
