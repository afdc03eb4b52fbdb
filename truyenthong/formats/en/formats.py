# The English interface is for visitors of a Vietnamese system: keep Vietnamese dates and numbers.
from truyenthong.formats.vi.formats import *  # noqa: F403
