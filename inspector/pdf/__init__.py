"""PDFs of rectification notices (整改通知单) and their records (整改档案), drawn with ReportLab.

The modules here turn the plain shapes of ``inspector.domain.notice_document`` into bytes: no
database, no Qt, no file writes. ``notice_pdf.render_notice`` and
``record_pdf.render_notice_record`` are the entry points; the same document always gives the
same bytes, so the service can store and check the PDF's SHA-256.
"""
