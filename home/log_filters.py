"""Logging filters referenced by settings.LOGGING."""

import logging

MAX_MESSAGE = 200


class BriefSecurityWarning(logging.Filter):
    """One short WARNING line instead of an ERROR with a traceback.

    Scanners send forged Host headers all day (DisallowedHost): each is a
    client's mistake answered with a 400, not a fault of ours, so it must not
    page anyone or bury real errors under tracebacks. The message already quotes
    the header with repr(), so control characters cannot forge log lines; it is
    cut short because the header can be as long as the client likes.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = record.getMessage()[:MAX_MESSAGE]
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        return True
