"""Which indicator a target is proposed to be measured by; the reviewer confirms or changes it.

Proposals read the target as the parser returned it (value, unit, text, audiences)."""

from plans.lexicon import CHANNELS, channels_in
from plans.models import IndicatorKind
from plans.textkeys import key

_COLUMN_WORDS = ("chuyen muc",)
_TRAINING_WORDS = ("tap huan", "boi duong", "nang luc", "dao tao doi ngu", "chat luong doi ngu")
_BRIEFING_WORDS = ("pho bien", "quan triet", "tuyen truyen", "tiep can", "nam vung", "hoc tap")
_CHANNEL_LABELS = {label for label, _phrases in CHANNELS}


def propose_indicator_kind(target: dict) -> tuple[str, str]:
    """(indicator kind, channel) for a parsed target."""
    text_key = key(target.get("text") or "")
    if any(word in text_key for word in _COLUMN_WORDS):
        return IndicatorKind.COLUMN_POSTS, ""
    if any(word in text_key for word in _TRAINING_WORDS):
        return IndicatorKind.PEOPLE_TRAINED, ""
    if target.get("unit") == "%" and (
        target.get("audiences") or any(word in text_key for word in _BRIEFING_WORDS)
    ):
        return IndicatorKind.BRIEFING_COVERAGE, ""
    channels = [c for c in channels_in(target.get("text") or "") if c in _CHANNEL_LABELS]
    if target.get("value") is not None and channels:
        return IndicatorKind.CHANNEL_ACTIVITIES, channels[0]
    return IndicatorKind.NOT_MEASURED, ""
