"""Official documents, one module per format, each with the same interface:

    EXTENSION: str, CONTENT_TYPE: str, render(document: OfficialDocument) -> bytes

The content is a plain dataclass (content.py) that knows nothing of Django models, so a plan,
a ward report or a city roll-up can all be rendered by the same modules.
"""

from types import ModuleType

from reports.documents import docx, pdf, xlsx

FORMATS: dict[str, ModuleType] = {"docx": docx, "xlsx": xlsx, "pdf": pdf}
