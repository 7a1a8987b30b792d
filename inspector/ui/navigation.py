"""What one page hands another when it opens it: the notices page's status filters by name.

The dashboard's cards and the reports page's lists open the notices page filtered; the keys live
here, not in the notices page, so that showing the dashboard does not import the notices page
and everything behind it (its dialogs, photo strips, Pillow) before it is first opened.
"""

ALL_OPEN = "open"  # every notice not yet closed
ALL_STATUSES = "all"
