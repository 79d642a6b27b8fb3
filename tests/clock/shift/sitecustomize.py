"""Moves this Python process's clock GUIDE_CLOCK_SHIFT_DAYS days ahead, from interpreter start.

Put on PYTHONPATH by tests/clock/test_a_year_ahead.py for a whole pytest run and everything it
starts (the `mkdocs build` of the session fixture included), with the `time-machine` library.
"""

import datetime as _dt
import os as _os

_shift = _os.environ.get("GUIDE_CLOCK_SHIFT_DAYS")
if _shift:
    import time_machine as _tm

    _tm.travel(_dt.datetime.now(_dt.UTC) + _dt.timedelta(days=int(_shift)), tick=True).start()
